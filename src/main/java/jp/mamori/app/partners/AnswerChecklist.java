package jp.mamori.app.partners;

import java.util.List;
import jp.mamori.app.Actor;
import jp.mamori.app.Audited;
import jp.mamori.app.Mamori;
import jp.mamori.partners.ChecklistWorkbook;
import jp.mamori.partners.ClauseAnswer;
import jp.mamori.partners.Contract;
import jp.mamori.partners.PartnersException;

/**
 * Answers a contract's clause checklist, from the web form, the CLI or the returned workbook. A
 * reviewer's answers (the security officer's) are stored as reviewed; a vendor's are proposed and
 * wait for the officer's approval. The whole set is validated first; nothing is stored unless all of it is valid.
 */
public final class AnswerChecklist {
    private final Mamori mamori;

    public AnswerChecklist(Mamori mamori) {
        this.mamori = mamori;
    }

    public record Result(Contract contract, int answered, boolean proposed) { }

    /** {@code proposal}: the answers are the vendor's (they wait for approval). */
    public Result run(Actor actor, long orgId, String contractCode, List<ClauseAnswer.Given> answers, boolean proposal) {
        Contract k = mamori.contracts().require(orgId, contractCode);
        for (ClauseAnswer.Given g : answers) {
            if (mamori.partners().catalogue().item(g.itemKey()).isEmpty()) {
                throw new PartnersException("不明な項目キー / unknown checklist item '" + g.itemKey() + "'");
            }
            if (g.answer() == null) throw new PartnersException(g.itemKey() + ": 回答がありません / no answer");
        }
        if (answers.isEmpty()) throw new PartnersException("回答が1件もありません / no item is answered");
        return mamori.database().inUnitOfWork(c -> {
            mamori.contracts().answer(c, k.id(), answers, !proposal, actor.name(), mamori.clock().instant());
            StringBuilder d = new StringBuilder("items=" + answers.size());
            for (ClauseAnswer.Given g : answers) d.append(' ').append(g.itemKey()).append('=').append(g.answer().key());
            Audited.record(mamori, c, actor, orgId, proposal ? Audited.CHECKLIST_PROPOSED : Audited.CHECKLIST_ANSWERED, "contract:" + k.code(), d.toString());
            return new Result(k, answers.size(), proposal);
        });
    }

    /** The returned workbook: read and validated whole (every bad cell named), then stored as {@link #run}. */
    public Result fromWorkbook(Actor actor, long orgId, String contractCode, String fileName, byte[] bytes, boolean proposal) {
        Contract k = mamori.contracts().require(orgId, contractCode);
        List<ClauseAnswer.Given> answers = ChecklistWorkbook.read(bytes, fileName, k.code(), mamori.partners().catalogue());
        return run(actor, orgId, contractCode, answers, proposal);
    }
}
