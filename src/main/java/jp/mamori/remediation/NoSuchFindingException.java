package jp.mamori.remediation;

/** The finding does not exist in this organisation (another tenant's id reads the same as a missing one). */
public class NoSuchFindingException extends WorkflowException {
    public NoSuchFindingException(long id) {
        super("検出 #" + id + " は見つかりません", "no finding #" + id);
    }
}
