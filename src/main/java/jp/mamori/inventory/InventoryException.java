package jp.mamori.inventory;

/** An inventory operation that cannot be done as asked (unknown code, duplicate, invalid value). */
public class InventoryException extends RuntimeException {
    public InventoryException(String message) {
        super(message);
    }

    public InventoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
