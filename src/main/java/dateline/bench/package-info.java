/**
 * The benchmarks' harnesses, run by the scripts in {@code bench/}: like {@code App} and {@code Wiring}, they
 * may see every feature, because they build a whole site and measure it as readers would use it. Nothing in
 * the site depends on them.
 *
 * <p>Glossary: a <em>warm-up</em> is work done before measuring, so that the JVM has compiled the code being
 * measured; a <em>baseline</em> is measured in the same run as the figure it is compared to, so that both
 * see the same machine.
 */
package dateline.bench;
