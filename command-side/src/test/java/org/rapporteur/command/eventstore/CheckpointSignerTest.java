package org.rapporteur.command.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapporteur.shared.integrity.Checkpoint;
import org.rapporteur.shared.integrity.CheckpointKeys;

/** Where the checkpoint signing key comes from: a configured PEM file, or one generated once and kept. */
class CheckpointSignerTest {

  @TempDir Path directory;

  @Test
  void aGeneratedKeyIsWrittenOnceBesideTheDatabaseAndReadBackOnTheNextStart() throws Exception {
    Path keys = directory.resolve("data").resolve("keys");

    CheckpointSigner first = CheckpointSigner.load("", keys);
    CheckpointSigner second = CheckpointSigner.load(null, keys);

    assertThat(Files.readString(keys.resolve(CheckpointSigner.GENERATED_KEY))).startsWith("-----BEGIN PRIVATE KEY-----");
    assertThat(second.keyId()).isEqualTo(first.keyId());
    try (var files = Files.list(keys)) {
      assertThat(files).containsExactly(keys.resolve(CheckpointSigner.GENERATED_KEY));
    }
    Checkpoint checkpoint = first.sign("r", 5, "a".repeat(64));
    assertThat(checkpoint.verifies(second.publicKey())).isTrue();
  }

  @Test
  void aConfiguredKeyIsUsedAndItsPublicKeyDerivedFromIt() throws Exception {
    KeyPair configured = CheckpointKeys.generate();
    Path pem = Files.writeString(directory.resolve("checkpoint.pem"), CheckpointKeys.toPem(configured.getPrivate()),
        StandardCharsets.US_ASCII);

    CheckpointSigner signer = CheckpointSigner.load(pem.toString(), directory.resolve("unused"));

    assertThat(signer.keyId()).isEqualTo(CheckpointKeys.fingerprint(configured.getPublic()));
    assertThat(signer.sign("r", 1, "b".repeat(64)).verifies(configured.getPublic())).isTrue();
    assertThat(signer.sign("r", 1, "b".repeat(64)).verifies(CheckpointKeys.generate().getPublic())).isFalse();
    assertThat(directory.resolve("unused")).doesNotExist();
  }

  @Test
  void aFileThatIsNotAPrivateKeyStopsTheStart() throws Exception {
    Path pem = Files.writeString(directory.resolve("public.pem"),
        CheckpointKeys.toPem(CheckpointKeys.generate().getPublic()), StandardCharsets.US_ASCII);

    assertThatThrownBy(() -> CheckpointSigner.load(pem.toString(), directory)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PRIVATE KEY");
  }
}
