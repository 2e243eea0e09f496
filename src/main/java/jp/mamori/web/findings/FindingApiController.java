package jp.mamori.web.findings;

import jakarta.servlet.http.HttpServletRequest;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Locale;
import jp.mamori.inventory.Organization;
import jp.mamori.security.AccessScope;
import jp.mamori.web.support.Fmt;
import jp.mamori.web.support.OrganizationRef;
import jp.mamori.web.support.Tenancy;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/findings}: the same lists and evidence as the pages, as JSON. */
@RestController
@RequestMapping("/api/v1")
public class FindingApiController {

    private final FindingViews views;
    private final Tenancy tenancy;
    private final Fmt fmt;
    private final ObjectProvider<FindingDecisions> decisions;
    private final jp.mamori.app.Mamori mamori;

    public FindingApiController(FindingViews views, Tenancy tenancy, Fmt fmt, ObjectProvider<FindingDecisions> decisions, jp.mamori.app.Mamori mamori) {
        this.mamori = mamori;
        this.views = views;
        this.tenancy = tenancy;
        this.fmt = fmt;
        this.decisions = decisions;
    }

    /** One page of findings with where it stands in the whole list. */
    @JsonPropertyOrder({"organization", "total", "page", "size", "pages", "sort", "items"})
    public record ListJson(OrganizationRef organization, long total, int page, int size, int pages, String sort, List<FindingJson> items) { }

    @InitBinder(FindingParams.NAME)
    void parametersOnly(WebDataBinder binder) {
        FindingParams.parametersOnly(binder);
    }

    @GetMapping("/findings")
    public ListJson list(@ModelAttribute(FindingParams.NAME) FindingParams params, AccessScope scope, HttpServletRequest request) {
        Organization org = tenancy.require(scope, request);
        FindingViews.ListRequest r = params.request();
        FindingViews.ListResult result = views.list(scope, org.id(), r, fmt.today());
        return new ListJson(OrganizationRef.of(org), result.total(), result.page(), result.size(), result.pages(), r.sortOrder().key(),
                result.items().stream().map(f -> FindingJson.row(f, fmt.today())).toList());
    }

    @GetMapping("/findings/{id}")
    public FindingDetailJson detail(@PathVariable("id") long id, AccessScope scope, Locale locale) {
        FindingViews.Detail d = views.detail(scope, id);
        // ===== REMEDIATION WORKFLOW: filled by a FindingDecisions bean (see FindingDecisions) =====
        FindingDecisions panel = decisions.getIfAvailable();
        return FindingDetailJson.of(FindingJson.row(d.row(), fmt.today()), d, FindingPageController.traces(mamori, d),
                FindingPageController.summary(mamori, d), panel == null ? null : panel.describe(scope, d.row().organizationId(), id));
    }
}
