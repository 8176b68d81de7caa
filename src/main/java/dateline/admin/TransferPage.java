package dateline.admin;

import dateline.imports.ImportJob;
import dateline.imports.ImportReport;
import dateline.site.SiteTime;
import dateline.site.Stamp;
import java.util.List;

/**
 * The import and export screen: the upload form (or why it cannot be used now), the import under way or
 * the last one's report, and the downloads.
 */
public record TransferPage(AdminFrame frame, String problem, Progress progress, int refreshSeconds) {
    /** The running or last import as the screen shows it. */
    public record Progress(String fileName, boolean dryRun, boolean running, boolean failed, String stage, long done,
                           Stamp startedAt, List<ImportReport.Line> lines, List<String> notes, String error) {
        static Progress of(ImportJob job, SiteTime time) {
            ImportReport report = job.report();
            return new Progress(job.fileName(), job.dryRun(), job.running(), job.state() == ImportJob.State.FAILED,
                    job.stage(), job.done(), time.dateAndTime(job.startedAt()),
                    report == null ? List.of() : report.lines(), report == null ? List.of() : report.notes(), job.error());
        }

        public boolean finished() {
            return !running && !failed;
        }
    }

    /** Whether the upload form can start an import now. */
    public boolean canUpload() {
        return progress == null || !progress.running();
    }
}
