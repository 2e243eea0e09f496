package jp.mamori.web.findings;

import jp.mamori.remediation.DecisionResult;
import jp.mamori.remediation.NoSuchFindingException;
import jp.mamori.remediation.WorkflowException;
import jp.mamori.security.AccessScope;
import jp.mamori.web.support.BadRequestException;
import jp.mamori.web.support.PageController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The forms of the finding page's decision section (no script): record a decision, update a
 * mitigation item. Success and refusals alike go back to the finding with a message; a finding the
 * caller may not change answers 404.
 */
@Controller
@PageController
public class FindingDecisionPageController {

    private final RemediationDecisions decisions;

    private final jp.mamori.web.support.Tenancy tenancy;

    public FindingDecisionPageController(RemediationDecisions decisions, jp.mamori.web.support.Tenancy tenancy) {
        this.decisions = decisions;
        this.tenancy = tenancy;
    }

    @PostMapping("/findings/{id}/decision")
    public String decide(@PathVariable("id") long id, @RequestParam(name = "action", required = false) String action,
                         @RequestParam(name = "reason", required = false) String reason,
                         @RequestParam(name = "until", required = false) String until,
                         @RequestParam(name = "approver", required = false) String approver,
                         @RequestParam(name = "justification", required = false) String justification,
                         @RequestParam(name = "evidence", required = false) String evidence,
                         AccessScope scope, RedirectAttributes redirect) {
        decisions.writable(scope, id);
        java.util.List<String> links = evidence == null ? java.util.List.of() : java.util.Arrays.asList(evidence.split("\\R"));
        try {
            DecisionResult r = decisions.decide(scope, id, new RemediationDecisions.DecisionInput(action, reason, until, approver, justification, links));
            if (r.pending()) redirect.addFlashAttribute("decisionPending", r.pendingApproval());
            else redirect.addFlashAttribute("decisionDone", r.to().key());
        } catch (NoSuchFindingException e) {
            throw e;
        } catch (WorkflowException | BadRequestException e) {
            redirect.addFlashAttribute("decisionProblem", e.getMessage());
            redirect.addFlashAttribute("decisionForm", new RemediationDecisions.DecisionInput(action, reason, until, approver, justification, links));
        }
        return "redirect:/findings/" + id + "#decision";
    }

    /** The named security officer approves a pending risk acceptance (issue 18.5); back to the finding. */
    @PostMapping("/approvals/{id}/approve")
    public String approve(@PathVariable("id") long id, AccessScope scope, RedirectAttributes redirect) {
        long orgId = tenancy.ownerOf(scope, "acceptance_request", id);
        DecisionResult r;
        try {
            r = decisions.approve(scope, orgId, id);
        } catch (WorkflowException e) {
            long finding = decisions.approvalFinding(scope, orgId, id);
            redirect.addFlashAttribute("decisionProblem", e.getMessage());
            return "redirect:/findings/" + finding + "#decision";
        }
        redirect.addFlashAttribute("approvalDone", Boolean.TRUE);
        return "redirect:/findings/" + r.findingId() + "#decision";
    }

    @PostMapping("/findings/{id}/mitigations/{itemId}")
    public String updateMitigation(@PathVariable("id") long id, @PathVariable("itemId") long itemId,
                                   @RequestParam(name = "status", required = false) String status,
                                   @RequestParam(name = "owner", required = false) String owner,
                                   @RequestParam(name = "reviewDate", required = false) String reviewDate,
                                   AccessScope scope, RedirectAttributes redirect) {
        decisions.writable(scope, id);
        try {
            decisions.updateMitigation(scope, id, itemId, new RemediationDecisions.MitigationInput(status, owner, reviewDate));
            redirect.addFlashAttribute("mitigationDone", itemId);
        } catch (NoSuchFindingException e) {
            throw e;
        } catch (WorkflowException | BadRequestException e) {
            redirect.addFlashAttribute("mitigationProblem", e.getMessage());
        }
        return "redirect:/findings/" + id + "#mitigations";
    }
}
