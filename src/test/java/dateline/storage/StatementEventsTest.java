package dateline.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import jdk.jfr.EventType;
import jdk.jfr.FlightRecorder;
import org.jdbi.v3.core.statement.JdbiStatementEvent;
import org.junit.jupiter.api.Test;

class StatementEventsTest {
    @Test
    void jdbis_statement_event_is_registered_with_the_flight_recorder_on_a_thread_that_then_ends() throws Exception {
        FlightRecorder.unregister(JdbiStatementEvent.class); // as in a new process, whatever ran in this one before
        assertThat(registered()).isFalse();

        StatementEvents.registerMeanwhile();

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!registered()) {
            assertThat(System.nanoTime()).as("registered within 30 s").isLessThan(deadline);
            Thread.sleep(20);
        }
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (!thread.getName().equals("dateline-statement-events")) continue;
            thread.join(TimeUnit.SECONDS.toMillis(10));
            assertThat(thread.isAlive()).as("the thread ends once it is done").isFalse();
        }
    }

    private static boolean registered() {
        return FlightRecorder.getFlightRecorder().getEventTypes().stream().map(EventType::getName)
                .anyMatch(JdbiStatementEvent.NAME::equals);
    }
}
