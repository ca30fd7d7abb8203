package org.arrowsync.console;

import java.util.List;
import org.arrowsync.jobs.JobKind;
import org.arrowsync.jobs.JobService;
import org.arrowsync.jobs.JobService.JobFilter;
import org.arrowsync.jobs.JobState;
import org.arrowsync.shared.Filters;
import org.arrowsync.shared.PageRequest;
import org.arrowsync.shared.Uuids;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Running and recent jobs; a job's page follows its progress live while it runs. */
@Controller
class JobPages {

    static final int PAGE_SIZE = 25;
    /** The most jobs {@link #running} looks up: a page shows a few. */
    private static final int MAX_POLLED = 10;

    private final JobService jobs;

    JobPages(JobService jobs) {
        this.jobs = jobs;
    }

    @GetMapping("/jobs")
    String list(
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String kind,
            @RequestParam(defaultValue = "1") int page,
            Model model) {
        String stateFilter = blankToNull(state);
        String kindFilter = blankToNull(kind);
        model.addAttribute(
                "jobs",
                jobs.list(new JobFilter(kindFilter, stateFilter, null), new PageRequest(Math.max(1, page), PAGE_SIZE)));
        model.addAttribute("state", stateFilter);
        model.addAttribute("kind", kindFilter);
        model.addAttribute("kinds", JobKind.values());
        model.addAttribute("states", JobState.values());
        model.addAttribute(
                "query",
                ListAddress.of("/jobs")
                        .with("state", stateFilter)
                        .with("kind", kindFilter)
                        .forPager());
        return "console/jobs";
    }

    @GetMapping("/jobs/{uuid}")
    String job(@PathVariable String uuid, Model model) {
        model.addAttribute("job", jobs.get(Filters.uuid("uuid", uuid)));
        return "console/job";
    }

    /** The live part of a job's page, polled while the job is queued or running. */
    @GetMapping("/jobs/{uuid}/progress")
    String progress(@PathVariable String uuid, Model model) {
        model.addAttribute("job", jobs.get(Filters.uuid("uuid", uuid)));
        return "console/job :: progress";
    }

    /**
     * Polled by a page that shows jobs under way (a month's, the overview): nothing while any of them is queued or
     * running, else htmx reloads the page, whose totals the jobs changed. A job that is gone counts as done.
     */
    @GetMapping("/jobs/running")
    ResponseEntity<Void> running(@RequestParam(name = "uuid", required = false) List<String> uuids) {
        boolean underWay = uuids != null
                && jobs.anyActive(uuids.stream()
                        .limit(MAX_POLLED)
                        .flatMap(uuid -> Uuids.parse(uuid).stream())
                        .toList());
        return underWay
                ? ResponseEntity.noContent().build()
                : ResponseEntity.noContent().header("HX-Refresh", "true").build();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
