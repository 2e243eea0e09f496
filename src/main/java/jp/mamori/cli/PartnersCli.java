package jp.mamori.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import jp.mamori.partners.Flag;

/** Small helpers the partners commands share. */
final class PartnersCli {
    private PartnersCli() { }

    static List<String> codes(String csv) {
        if (csv == null || csv.isBlank()) return List.of();
        return Arrays.stream(csv.split("[,、]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** Reads a file a user names, bounded (the use case checks the content). */
    static byte[] read(Path file, long max) {
        try {
            if (!Files.isRegularFile(file)) throw new BadInputException(file + ": ファイルがありません / no such file");
            if (Files.size(file) > max) throw new BadInputException(file + ": ファイルが大きすぎます（" + max / 1024 / 1024 + "MBまで） / larger than " + max / 1024 / 1024 + " MB");
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new BadInputException(file + ": 読めません / cannot read: " + e.getMessage(), e);
        }
    }

    static void write(Path file, byte[] bytes) {
        try {
            if (file.getParent() != null) Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new BadInputException(file + ": 書き込めません / cannot write: " + e.getMessage(), e);
        }
    }

    static <T> T guard(Supplier<T> work) {
        return RemediationContext.guard(work);
    }

    static void printFlags(List<Flag> flags) {
        if (flags.isEmpty()) {
            System.out.println("指摘なし / no flags");
            return;
        }
        for (Flag f : flags) System.out.println("  [" + f.flag().ja() + "] " + f.ja());
    }
}
