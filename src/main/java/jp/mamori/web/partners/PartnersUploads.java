package jp.mamori.web.partners;

import java.io.IOException;
import jp.mamori.web.support.BadRequestException;
import jp.mamori.web.support.PayloadTooLargeException;
import org.springframework.web.multipart.MultipartFile;

/** A table uploaded to the API (partners list, filled-in checklist): present and within its limit before a byte of it is read. */
final class PartnersUploads {

    private PartnersUploads() { }

    static byte[] bytes(MultipartFile file, int maxBytes, String whatJa, String whatEn) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new BadRequestException(whatJa + "を multipart の file で送ってください / send " + whatEn + " as multipart field 'file'");
        }
        if (file.getSize() > maxBytes) {
            int mb = maxBytes / 1024 / 1024;
            throw new PayloadTooLargeException(name(file, "file") + ": ファイルが大きすぎます（" + mb + "MBまで）。何も登録していません / larger than " + mb
                    + " MB; nothing was stored");
        }
        return file.getBytes();
    }

    static String name(MultipartFile file, String fallback) {
        String n = file.getOriginalFilename();
        return n == null || n.isBlank() ? fallback : n;
    }
}
