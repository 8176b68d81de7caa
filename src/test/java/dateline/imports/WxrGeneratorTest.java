package dateline.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WxrGeneratorTest {
    @TempDir
    Path dir;

    Collected generated(WxrGenerator.Plan plan) throws IOException {
        Path file = dir.resolve("generated.xml");
        try (var out = Files.newOutputStream(file)) {
            WxrGenerator.write(plan, out);
        }
        return WxrReaderTest.read(file);
    }

    @Test
    void writes_the_planned_number_of_posts_and_comments_as_a_readable_export() throws IOException {
        Collected c = generated(new WxrGenerator.Plan(200, 1500, 1));
        assertThat(c.items).hasSize(200).allSatisfy(i -> assertThat(i.postType()).isEqualTo("post"));
        assertThat(c.items.stream().mapToInt(i -> i.comments().size()).sum()).isEqualTo(1500);
        assertThat(c.items).extracting(Wxr.Item::postName).doesNotHaveDuplicates();
        assertThat(c.items).extracting(Wxr.Item::status).contains("publish", "draft");
        assertThat(c.authors).isNotEmpty();
        Set<String> slugs = new HashSet<>();
        c.terms.forEach(t -> slugs.add(t.taxonomy() + ":" + t.slug()));
        assertThat(c.items).allSatisfy(i -> assertThat(i.terms())
                .allSatisfy(ref -> assertThat(slugs).contains(ref.domain() + ":" + ref.slug())));
        assertThat(c.terms).anySatisfy(t -> assertThat(t.parentSlug()).isNotEmpty());
    }

    @Test
    void bodies_are_a_few_kilobytes_and_comments_are_threaded_several_levels_deep() throws IOException {
        Collected c = generated(new WxrGenerator.Plan(200, 2000, 3));
        double average = c.items.stream().mapToInt(i -> i.content().length()).average().orElseThrow();
        assertThat(average).isBetween(1500.0, 8000.0);
        int deepest = 0;
        for (Wxr.Item item : c.items) {
            Map<Long, Long> parents = new HashMap<>();
            item.comments().forEach(k -> parents.put(k.id(), k.parentId()));
            for (Wxr.Comment k : item.comments()) {
                int depth = 1;
                for (long p = k.parentId(); p != 0; p = parents.getOrDefault(p, 0L)) depth++;
                deepest = Math.max(deepest, depth);
            }
        }
        assertThat(deepest).isGreaterThanOrEqualTo(4);
        assertThat(c.items.stream().flatMap(i -> i.comments().stream()).map(Wxr.Comment::approved).distinct())
                .contains("1", "0", "spam", "trash");
    }

    @Test
    void the_same_seed_gives_the_same_file_and_another_seed_another() {
        assertThat(bytes(new WxrGenerator.Plan(30, 100, 9))).isEqualTo(bytes(new WxrGenerator.Plan(30, 100, 9)))
                .isNotEqualTo(bytes(new WxrGenerator.Plan(30, 100, 10)));
    }

    static byte[] bytes(WxrGenerator.Plan plan) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WxrGenerator.write(plan, out);
        return out.toByteArray();
    }

    @Test
    void an_empty_plan_is_an_empty_export() throws IOException {
        Collected c = generated(new WxrGenerator.Plan(0, 0, 1));
        assertThat(c.sites).hasSize(1);
        assertThat(c.items).isEqualTo(List.of());
    }
}
