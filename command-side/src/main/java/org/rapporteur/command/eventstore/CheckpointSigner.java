package org.rapporteur.command.eventstore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PublicKey;
import org.rapporteur.shared.integrity.Checkpoint;
import org.rapporteur.shared.integrity.CheckpointKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs checkpoints of the hash chain with a key held outside the database (ADR 0010): a
 * configured PKCS#8 Ed25519 private key, or a key generated on first start into a directory beside
 * the database. Whoever can rewrite the database cannot sign a rewritten head without this file.
 */
public final class CheckpointSigner {

  private static final Logger log = LoggerFactory.getLogger(CheckpointSigner.class);

  /** The generated key's file name in the key directory. */
  static final String GENERATED_KEY = "checkpoint-signing-key.pem";

  private final KeyPair key;
  private final String keyId;

  CheckpointSigner(KeyPair key) {
    this.key = key;
    this.keyId = CheckpointKeys.fingerprint(key.getPublic());
  }

  /** The configured key at {@code location}, or else the key in {@code directory}, generated there if it holds none. */
  static CheckpointSigner load(String location, Path directory) {
    try {
      CheckpointSigner signer;
      if (location != null && !location.isBlank()) {
        signer = new CheckpointSigner(CheckpointKeys.privateKeyFromPem(Files.readString(Path.of(location))));
        log.info("Signing checkpoints with the key of {}, key id (SHA-256 fingerprint) {}", location, signer.keyId);
      } else {
        Path file = directory.resolve(GENERATED_KEY);
        if (!Files.exists(file)) {
          generate(directory, file);
        }
        signer = new CheckpointSigner(CheckpointKeys.privateKeyFromPem(Files.readString(file)));
        log.info("Signing checkpoints with the key of {} (back it up apart from the database), key id (SHA-256"
            + " fingerprint) {}", file.toAbsolutePath(), signer.keyId);
      }
      return signer;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the checkpoint signing key", e);
    }
  }

  /** Writes a new key whole, then links it into place: two instances starting at once end up with the same key. */
  private static void generate(Path directory, Path file) throws IOException {
    Files.createDirectories(directory);
    Path written = Files.createTempFile(directory, "new-key", ".pem");
    try {
      try {
        Files.setPosixFilePermissions(written, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException notPosix) {
        // The directory's own permissions then guard the key.
      }
      Files.writeString(written, CheckpointKeys.toPem(CheckpointKeys.generate().getPrivate()), StandardCharsets.US_ASCII);
      Files.createLink(file, written);
    } catch (FileAlreadyExistsException anotherInstanceWroteIt) {
      // Its key is the key.
    } finally {
      Files.deleteIfExists(written);
    }
  }

  /** The checkpoint of the head {@code headHash} at {@code position} of the report. */
  public Checkpoint sign(String reportId, long position, String headHash) {
    return Checkpoint.sign(reportId, position, headHash, key.getPrivate(), keyId);
  }

  public PublicKey publicKey() {
    return key.getPublic();
  }

  public String keyId() {
    return keyId;
  }
}
