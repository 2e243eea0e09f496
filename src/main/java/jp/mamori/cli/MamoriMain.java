package jp.mamori.cli;

/** Entry point of the executable jar; replaced by the picocli command tree. */
public final class MamoriMain {
    private MamoriMain() { }

    public static void main(String[] args) {
        System.exit(0);
    }
}
