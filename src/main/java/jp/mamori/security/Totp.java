package jp.mamori.security;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.util.Utils;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * TOTP (RFC 6238: SHA-1, 6 digits, 30 s), the parameters every authenticator app understands.
 * Codes are checked for the current step and one step either side (clock drift); the step that
 * matched is returned so that the caller can refuse a code that was already used.
 */
public final class Totp {

    public static final int PERIOD = 30;
    public static final int DIGITS = 6;
    public static final String ISSUER = "Mamori";

    private static final DefaultCodeGenerator GENERATOR = new DefaultCodeGenerator(HashingAlgorithm.SHA1, DIGITS);

    private Totp() { }

    /** A new base32 secret of 160 bits. */
    public static String newSecret() {
        return new DefaultSecretGenerator(32).generate();
    }

    public static long step(Instant now) {
        return Math.floorDiv(now.getEpochSecond(), PERIOD);
    }

    public static String code(String secret, long step) {
        try {
            return GENERATOR.generate(secret, step);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException("TOTP code generation failed", e);
        }
    }

    /** The matching step among now-1, now, now+1 that is after {@code lastUsedStep}, if any. */
    public static OptionalLong verify(String secret, String code, Instant now, Long lastUsedStep) {
        if (code == null) return OptionalLong.empty();
        String c = code.replaceAll("[\\s-]", "");
        if (!c.matches("\\d{" + DIGITS + "}")) return OptionalLong.empty();
        long current = step(now);
        OptionalLong match = OptionalLong.empty();
        for (long s = current - 1; s <= current + 1; s++) {
            // compare every candidate in constant time; do not stop at the first match
            boolean eq = MessageDigest.isEqual(code(secret, s).getBytes(StandardCharsets.US_ASCII), c.getBytes(StandardCharsets.US_ASCII));
            if (eq && match.isEmpty() && (lastUsedStep == null || s > lastUsedStep)) match = OptionalLong.of(s);
        }
        return match;
    }

    /** The otpauth:// URI that authenticator apps read (shown as text and as a locally drawn QR code). */
    public static String uri(String secret, String accountName) {
        return qrData(secret, accountName).getUri();
    }

    /** A {@code data:image/png;base64,...} QR code of {@link #uri}, drawn here: no external service. */
    public static String qrDataUri(String secret, String accountName) {
        try {
            ZxingPngQrGenerator g = new ZxingPngQrGenerator();
            g.setImageSize(240);
            return Utils.getDataUriForImage(g.generate(qrData(secret, accountName)), g.getImageMimeType());
        } catch (QrGenerationException | RuntimeException e) {
            return null;
        }
    }

    private static QrData qrData(String secret, String accountName) {
        return new QrData.Builder().label(ISSUER + ":" + accountName).secret(secret).issuer(ISSUER)
                .algorithm(HashingAlgorithm.SHA1).digits(DIGITS).period(PERIOD).build();
    }
}
