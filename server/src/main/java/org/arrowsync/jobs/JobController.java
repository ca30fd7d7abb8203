package org.arrowsync.jobs;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.arrowsync.shared.ApiUrls;
import org.arrowsync.shared.Filters;
import org.arrowsync.shared.Listing;
import org.arrowsync.shared.PageRequest;
import org.arrowsync.shared.Uuids;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Queued and finished jobs: what runs, for whom, how far it got and how it ended. */
@Tag(name = "Jobs")
@RestController
@RequestMapping("/api/admin/arrow/jobs/")
class JobController {

    static final String COLLECTION = "admin/arrow/jobs";

    private final JobService jobs;

    JobController(JobService jobs) {
        this.jobs = jobs;
    }

    @GetMapping
    @Operation(summary = "List jobs, newest first")
    Listing<JobView> list(
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String state,
            @RequestParam(name = "settings_uuid", required = false) String settingsUuid,
            PageRequest page) {
        JobService.JobFilter filter = new JobService.JobFilter(
                Filters.choice("kind", kind, JobKind.values(), JobKind::value),
                Filters.choice("state", state, JobState.values(), JobState::value),
                Filters.uuid("settings_uuid", settingsUuid));
        return jobs.list(filter, page).map(JobView::of);
    }

    @GetMapping("{uuid}/")
    @Operation(summary = "Retrieve a job: state, progress, counts and first errors")
    JobView get(@PathVariable String uuid) {
        return JobView.of(jobs.get(Uuids.fromPath(uuid)));
    }

    /** The 202 of every trigger endpoint: the contract's message plus the job's uuid, and where to watch it. */
    static ResponseEntity<Accepted> accepted(JobService.Submitted submitted, String message) {
        String url = ApiUrls.of(COLLECTION, submitted.uuid());
        String text = submitted.queued() ? message : message + " (joined the run already queued for this period)";
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .header(HttpHeaders.LOCATION, url)
                .body(new Accepted(text, Uuids.hex(submitted.uuid())));
    }

    record Accepted(String message, String uuid) {}

    record JobView(
            String url,
            String uuid,
            String kind,
            @Schema(nullable = true) String settingsUuid,
            @Schema(nullable = true) String period,
            JsonNode parameters,
            String state,
            int attempts,
            JsonNode progress,
            JsonNode result,
            JsonNode errors,
            @Schema(nullable = true) String errorMessage,
            String triggeredBy,
            Instant created,
            @Schema(nullable = true) Instant started,
            @Schema(nullable = true) Instant finished,

            @Schema(nullable = true, description = "The audit entry that queued the job")
            String auditEntry) {

        static JobView of(Job job) {
            return new JobView(
                    ApiUrls.of(COLLECTION, job.uuid()),
                    Uuids.hex(job.uuid()),
                    job.kind().value(),
                    Uuids.hex(job.settingsUuid()),
                    job.period() == null ? null : job.period().toString(),
                    job.parameters().json(),
                    job.state().value(),
                    job.attempts(),
                    job.progress(),
                    job.result(),
                    job.errors(),
                    job.errorMessage(),
                    job.triggeredBy(),
                    job.created(),
                    job.started(),
                    job.finished(),
                    Uuids.hex(job.auditEntry()));
        }
    }
}
