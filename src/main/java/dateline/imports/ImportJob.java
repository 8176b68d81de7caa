package dateline.imports;

import java.time.Instant;

/**
 * What the newsroom knows of an import running in the background, or of the last one: the file, whether it
 * only checks (a dry run), the stage it is at and how far into it, and at the end its report or what went
 * wrong. A value: each change makes a new one.
 */
public record ImportJob(long number, String fileName, boolean dryRun, Instant startedAt, State state, String stage,
                        long done, ImportReport report, String error, Instant finishedAt) {
    /** Where an import is: under way, done with a report, or stopped by a file it could not read. */
    public enum State {
        RUNNING, FINISHED, FAILED
    }

    static ImportJob started(long number, String fileName, boolean dryRun, Instant at) {
        return new ImportJob(number, fileName, dryRun, at, State.RUNNING, "receiving", 0, null, null, null);
    }

    ImportJob at(String newStage, long newDone) {
        return new ImportJob(number, fileName, dryRun, startedAt, state, newStage, newDone, null, null, null);
    }

    ImportJob finished(ImportReport newReport, Instant at) {
        return new ImportJob(number, fileName, dryRun, startedAt, State.FINISHED, stage, done, newReport, null, at);
    }

    ImportJob failed(String message, Instant at) {
        return new ImportJob(number, fileName, dryRun, startedAt, State.FAILED, stage, done, null, message, at);
    }

    public boolean running() {
        return state == State.RUNNING;
    }
}
