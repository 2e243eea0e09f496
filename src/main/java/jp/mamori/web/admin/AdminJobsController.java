package jp.mamori.web.admin;

import jp.mamori.persistence.JobQueue;
import java.util.List;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jp.mamori.app.Mamori;
import jp.mamori.security.AccessScope;
import jp.mamori.web.support.Access;
import jp.mamori.web.support.PageController;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** ジョブとノード (ADR 0016): the shared job table and the serving nodes, for the instance administrator only (404 for others). */
@Controller
@PageController
public class AdminJobsController {

    private final Mamori mamori;

    public AdminJobsController(Mamori mamori) {
        this.mamori = mamori;
    }

    @GetMapping("/admin/jobs")
    public String page(AccessScope scope, Model model) {
        Access.require(scope, scope.instanceWide(), "jobs");
        model.addAttribute("jobs", mamori.backgroundJobs().list(null, 100));
        model.addAttribute("nodes", mamori.backgroundJobs().nodes());
        return "admin/jobs";
    }

    @GetMapping("/api/v1/admin/jobs")
    @ResponseBody
    public Jobs api(AccessScope scope) {
        Access.require(scope, scope.instanceWide(), "jobs");
        return new Jobs(mamori.backgroundJobs().nodes(), mamori.backgroundJobs().list(null, 100));
    }

    /** The worker nodes and the latest hundred jobs. */
    @JsonPropertyOrder({"nodes", "jobs"})
    public record Jobs(List<JobQueue.Node> nodes, List<JobQueue.Job> jobs) { }
}
