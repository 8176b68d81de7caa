package dateline;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class IdleMemoryTest {
    private final HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);

    @Test
    void a_server_turns_on_the_collection_that_gives_memory_back_when_idle_unless_the_operator_set_it() {
        VMOption before = vm.getVMOption(IdleMemory.OPTION);
        boolean changed = IdleMemory.returnAfterBursts();
        VMOption after = vm.getVMOption(IdleMemory.OPTION);
        if (before.getOrigin() == VMOption.Origin.DEFAULT) {
            assertThat(changed).isTrue();
            assertThat(after.getValue()).isEqualTo(Long.toString(IdleMemory.INTERVAL.toMillis()));
        } else {
            assertThat(changed).isFalse();
            assertThat(after.getValue()).isEqualTo(before.getValue());
        }
        assertThat(IdleMemory.returnAfterBursts()).as("set once: the second time it is the server's own choice").isFalse();
    }
}
