package jp.mamori.web.feeds;

import java.util.List;
import jp.mamori.advisory.store.FeedStatus;
import jp.mamori.app.Mamori;
import jp.mamori.web.support.PageController;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** 脆弱性情報の状態: per source, records, last update, last error (instance-wide, public information). */
@Controller
@PageController
public class FeedStatusController {

    private final Mamori mamori;

    public FeedStatusController(Mamori mamori) {
        this.mamori = mamori;
    }

    @GetMapping("/feeds")
    public String page(jp.mamori.security.AccessScope scope, Model model) {
        model.addAttribute("rows", mamori.feedsStatus().rows());
        // the administrator imports a feed file or an offline bundle here (FeedImportController)
        model.addAttribute("importForm", FeedImportController.ImportForm.of(scope.instanceWide()));
        return "feeds/status";
    }

    @GetMapping("/api/v1/feeds")
    @ResponseBody
    public List<FeedStatus.Row> api() {
        return mamori.feedsStatus().rows();
    }
}
