package jp.mamori.web.partners;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import jp.mamori.app.partners.AnswerChecklist;
import jp.mamori.inventory.Organization;
import jp.mamori.partners.ChecklistWorkbook;
import jp.mamori.partners.Contract;
import jp.mamori.security.AccessScope;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The contract checklist's offline round trip through the API: the workbook exported to whoever
 * reads the contract (a vendor only for its own contracts; any other reads as absent), filled in and
 * imported back by whoever answers it — the security officer's answers reviewed, the vendor's
 * waiting for approval — validated whole, every bad cell named, nothing half-written.
 */
@RestController
public class ChecklistWorkbookApiController {

    private final PartnersWeb web;

    public ChecklistWorkbookApiController(PartnersWeb web) {
        this.web = web;
    }

    @GetMapping("/api/v1/partners/contracts/{code}/checklist.xlsx")
    public ResponseEntity<byte[]> export(@PathVariable("code") String code, AccessScope scope, HttpServletRequest request) {
        Organization o = web.org(scope, request);
        Contract k = web.contract(scope, o, code);
        return PartnersPageController.xlsx(ChecklistWorkbook.write(web.view(k)), "checklist-" + k.code() + ".xlsx");
    }

    /** The filled-in workbook (multipart "file", ≤ 2 MB). */
    @PostMapping("/api/v1/partners/contracts/{code}/checklist")
    @ResponseStatus(HttpStatus.CREATED)
    public PartnersJson.Answered importWorkbook(@PathVariable("code") String code, @RequestParam(name = "file", required = false) MultipartFile file,
                                              AccessScope scope, HttpServletRequest request) throws IOException {
        Organization o = web.org(scope, request);
        Contract k = web.contract(scope, o, code);
        boolean proposal = web.answersAsVendor(scope, o);
        byte[] bytes = PartnersUploads.bytes(file, ChecklistWorkbook.MAX_BYTES, "記入したチェックリスト（.xlsx）", "the filled-in checklist (.xlsx)");
        AnswerChecklist.Result r = web.mamori().answerChecklist().fromWorkbook(web.actor(scope, true), o.id(), k.code(),
                PartnersUploads.name(file, "checklist-" + k.code() + ".xlsx"), bytes, proposal);
        return new PartnersJson.Answered(k.code(), r.answered(), r.proposed());
    }
}
