package jp.mamori.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The record counts of {@code INVENTORY.tsv} in the shared fixtures (path, bytes, "kind=N"). */
public final class Inventory {
    private static final Pattern COUNT = Pattern.compile("(\\w+)=(\\d+)");
    private final Map<String, String> records = new HashMap<>();

    private Inventory() { }

    public static Inventory load() throws IOException {
        Inventory inv = new Inventory();
        Path tsv = SharedFixtures.require("INVENTORY.tsv");
        for (String line : Files.readAllLines(tsv)) {
            String[] f = line.split("\t", -1);
            if (f.length >= 3) inv.records.put(f[0], f[2]);
        }
        return inv;
    }

    /** The count of {@code kind} ("vulnerabilities", "statements") for a path below the fixtures root, or -1. */
    public int count(String path, String kind) {
        String r = records.get(path);
        if (r == null) return -1;
        Matcher m = COUNT.matcher(r);
        while (m.find()) {
            if (m.group(1).equals(kind)) return Integer.parseInt(m.group(2));
        }
        return -1;
    }
}
