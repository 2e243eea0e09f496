package jp.mamori.partners;

import java.time.Instant;

/**
 * One checklist item of one contract: the reviewed answer (with the article or page, the clause
 * text and who reviewed it when) and a vendor's proposed answer waiting for the security officer.
 */
public record ClauseAnswer(String itemKey, Answer answer, String article, String clauseText, String reviewedBy, Instant reviewedAt,
                           Answer proposedAnswer, String proposedArticle, String proposedText, String proposedBy, Instant proposedAt) {

    public boolean pending() {
        return proposedAnswer != null;
    }

    /** An answer as a user hands it in (web form, workbook row, CLI). */
    public record Given(String itemKey, Answer answer, String article, String clauseText) {
        public Given {
            if (article != null && article.length() > 200) throw new PartnersException(itemKey + ": 条項・頁が長すぎます（200文字まで） / article longer than 200 characters");
            if (clauseText != null && clauseText.length() > 2000) throw new PartnersException(itemKey + ": 条項の文言が長すぎます（2000文字まで） / clause text longer than 2000 characters");
            article = article == null || article.isBlank() ? null : article.strip();
            clauseText = clauseText == null || clauseText.isBlank() ? null : clauseText.strip();
        }
    }
}
