package jp.mamori.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * An organisation command that hands one file to a use case (a partners list, a filled-in checklist, a contract
 * document): the file is read whole, at most {@link #maxBytes()}, before the data directory is opened, and the
 * person who acts is {@code --by}.
 */
abstract class FileInputCommand extends OrganizationCommand {
    @Option(names = "--by", paramLabel = "USER") String by;

    /** The file's bytes, read by {@link #check()}. */
    byte[] bytes;

    /** The file the command was given. */
    abstract Path file();

    /** The largest file the use case takes. */
    abstract long maxBytes();

    @Override
    void check() {
        bytes = PartnersCli.read(file(), maxBytes() + 1L);
    }
}
