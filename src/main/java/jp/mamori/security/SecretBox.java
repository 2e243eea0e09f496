package jp.mamori.security;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts small secrets kept in the database (TOTP seeds) with AES-256-GCM under a key that is
 * not in the database: {@code MAMORI_SECRET_KEY} (base64 of 32 bytes) or the file
 * {@code secret.key} in the data directory, created with owner-only permissions on first use. A
 * database dump or backup alone then does not give away anyone's second factor.
 */
public final class SecretBox {

    public static final String ENV_KEY = "MAMORI_SECRET_KEY";
    public static final String KEY_FILE = "secret.key";
    private static final String PREFIX = "v1:";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    public SecretBox(byte[] key) {
        if (key.length != 32) throw new IllegalArgumentException("the secret key must be 32 bytes");
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    /** The key from the environment, else from (or newly into) {@code dataDir/secret.key}. */
    public static SecretBox load(Path dataDir, Map<String, String> env) {
        String fromEnv = env.get(ENV_KEY);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new SecretBox(decodeKey(fromEnv.trim(), ENV_KEY));
        }
        Path file = dataDir.toAbsolutePath().normalize().resolve(KEY_FILE);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] k = new byte[32];
                RANDOM.nextBytes(k);
                try {
                    createOwnerOnly(file);
                    Files.writeString(file, Base64.getEncoder().encodeToString(k) + "\n", StandardCharsets.US_ASCII, StandardOpenOption.WRITE);
                } catch (FileAlreadyExistsException raced) {
                    // another process created it first: use theirs
                }
            }
            return new SecretBox(decodeKey(Files.readString(file, StandardCharsets.US_ASCII).trim(), file.toString()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read or create the secret key " + file + ": " + e.getMessage(), e);
        }
    }

    private static void createOwnerOnly(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
    }

    private static byte[] decodeKey(String b64, String where) {
        try {
            byte[] k = Base64.getDecoder().decode(b64);
            if (k.length != 32) throw new IllegalStateException(where + " must hold a base64-encoded 32-byte key");
            return k;
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + " must hold a base64-encoded 32-byte key", e);
        }
    }

    /** {@code v1:} + base64(nonce ‖ ciphertext ‖ tag); {@code context} (e.g. the user id) is bound as associated data. */
    public String seal(String plaintext, String context) {
        try {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] ct = c.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + ct.length).put(nonce).put(ct).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    public String open(String sealed, String context) {
        if (sealed == null || !sealed.startsWith(PREFIX)) throw new IllegalStateException("not a sealed secret");
        try {
            byte[] all = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
            c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(c.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the stored secret cannot be decrypted (wrong " + ENV_KEY + " or secret.key?)", e);
        }
    }
}
