package org.rapporteur.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProjectionPositionsTest {

  private final ProjectionPositions positions = new ProjectionPositions();

  @Test
  void positionsOfManyReportsAreHeldInBoundedMemoryAndTheForgottenOnesReadFromTheStore() throws Exception {
    Map<String, Long> batch = new HashMap<>();
    for (int report = 0; report < ProjectionPositions.MAX_REPORTS * 2; report++) {
      batch.put("r-" + report, 5L);
      if (batch.size() == 1_000) {
        positions.advanced(batch);
        batch.clear();
      }
    }

    assertThat(positions.tracked()).isLessThanOrEqualTo(ProjectionPositions.MAX_REPORTS);
    for (int report = 0; report < ProjectionPositions.MAX_REPORTS * 2; report += 997) {
      assertThat(positions.await("r-" + report, 5, Duration.ofSeconds(5), () -> 5L)).isTrue();
    }
  }

  @Test
  void aPositionNotYetAppliedAnywhereIsNotReached() throws Exception {
    positions.advanced(Map.of("r-1", 3L));

    assertThat(positions.await("r-1", 4, Duration.ofMillis(50), () -> 3L)).isFalse();
  }
}
