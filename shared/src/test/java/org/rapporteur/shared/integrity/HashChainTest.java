package org.rapporteur.shared.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.rapporteur.shared.report.Actor;
import org.rapporteur.shared.report.Role;

class HashChainTest {

  private static final Instant AT = Instant.parse("2026-12-01T10:15:30.123456Z");

  @Test
  void anEntrysHashIsTheSha256OfItsCanonicalJsonWrittenByHand() {
    String payload = "{\"reportId\":\"r-1\",\"title\":\"Caf\u00e9\",\"actor\":{\"user\":\"itu\",\"role\":\"DELEGATE\",\"entity\":\"ITU\"},"
        + "\"at\":\"2026-12-01T10:15:30.123456Z\",\"revision\":2}";

    String hash = HashChain.hash(HashChain.GENESIS, 1, "e-1", "AgendaItemProposed", AT,
        new Actor("itu", Role.DELEGATE, "ITU"), payload);

    String canonical = "{\"actor\":{\"entity\":\"ITU\",\"role\":\"DELEGATE\",\"user\":\"itu\"},\"eventId\":\"e-1\","
        + "\"payload\":{\"actor\":{\"entity\":\"ITU\",\"role\":\"DELEGATE\",\"user\":\"itu\"},"
        + "\"at\":\"2026-12-01T10:15:30.123456Z\",\"reportId\":\"r-1\",\"revision\":2,\"title\":\"Caf\u00e9\"},"
        + "\"position\":1,\"previousHash\":\"" + "0".repeat(64) + "\",\"timestamp\":\"2026-12-01T10:15:30.123456Z\","
        + "\"type\":\"AgendaItemProposed\"}";
    assertThat(hash).isEqualTo(HashChain.sha256(canonical)).hasSize(64).matches("[0-9a-f]{64}");
  }

  @Test
  void anActorWithoutEntityIsHashedWithANullEntityAsTheAuditTrailShowsIt() {
    String withNull = HashChain.hash(HashChain.GENESIS, 1, "e-1", "ReportAdopted", AT, new Actor("chair", Role.CHAIR, null), "{}");

    String canonical = "{\"actor\":{\"entity\":null,\"role\":\"CHAIR\",\"user\":\"chair\"},\"eventId\":\"e-1\",\"payload\":{},"
        + "\"position\":1,\"previousHash\":\"" + "0".repeat(64) + "\",\"timestamp\":\"2026-12-01T10:15:30.123456Z\","
        + "\"type\":\"ReportAdopted\"}";
    assertThat(withNull).isEqualTo(HashChain.sha256(canonical));
  }

  @Test
  void everyFieldOfTheEntryChangesTheHash() {
    Actor chair = new Actor("chair", Role.CHAIR, null);
    String base = HashChain.hash(HashChain.GENESIS, 1, "e-1", "ReportAdopted", AT, chair, "{\"a\":1}");

    assertThat(HashChain.hash("1".repeat(64), 1, "e-1", "ReportAdopted", AT, chair, "{\"a\":1}")).isNotEqualTo(base);
    assertThat(HashChain.hash(HashChain.GENESIS, 2, "e-1", "ReportAdopted", AT, chair, "{\"a\":1}")).isNotEqualTo(base);
    assertThat(HashChain.hash(HashChain.GENESIS, 1, "e-2", "ReportAdopted", AT, chair, "{\"a\":1}")).isNotEqualTo(base);
    assertThat(HashChain.hash(HashChain.GENESIS, 1, "e-1", "AgendaAdopted", AT, chair, "{\"a\":1}")).isNotEqualTo(base);
    assertThat(HashChain.hash(HashChain.GENESIS, 1, "e-1", "ReportAdopted", AT.plusNanos(1000), chair, "{\"a\":1}")).isNotEqualTo(base);
    assertThat(HashChain.hash(HashChain.GENESIS, 1, "e-1", "ReportAdopted", AT, new Actor("chair2", Role.CHAIR, null), "{\"a\":1}"))
        .isNotEqualTo(base);
    assertThat(HashChain.hash(HashChain.GENESIS, 1, "e-1", "ReportAdopted", AT, chair, "{\"a\":2}")).isNotEqualTo(base);
    assertThat(HashChain.hash(HashChain.GENESIS, 1, "e-1", "ReportAdopted", AT, chair, "{ \"a\" : 1 }"))
        .as("the same JSON written otherwise").isEqualTo(base);
  }

  @Test
  void theSha256OfATextIsLowerCaseHexOfItsUtf8Bytes() {
    assertThat(HashChain.sha256("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }
}
