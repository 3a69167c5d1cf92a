package org.rapporteur.command.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

class BoundedCacheTest {

  @Test
  void theLeastRecentlyUsedEntryGoesFirstAndListenersHearOfIt() {
    BoundedCache cache = new BoundedCache(2);
    List<Object> expired = new ArrayList<>();
    cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
      @Override
      public void onEntryExpired(Object key) {
        expired.add(key);
      }
    });
    cache.put("a", 1);
    cache.put("b", 2);
    assertThat((Integer) cache.get("a")).isEqualTo(1); // "a" is now the most recently used

    cache.put("c", 3);

    assertThat(expired).containsExactly("b");
    assertThat(cache.containsKey("a")).isTrue();
    assertThat(cache.containsKey("b")).isFalse();
    assertThat(cache.size()).isEqualTo(2);
  }

  @Test
  void putIfAbsentKeepsWhatIsThereAndNullRemoves() {
    BoundedCache cache = new BoundedCache(4);
    assertThat(cache.putIfAbsent("a", 1)).isTrue();
    assertThat(cache.putIfAbsent("a", 2)).isFalse();
    assertThat((Integer) cache.get("a")).isEqualTo(1);

    cache.put("a", null);

    assertThat(cache.containsKey("a")).isFalse();
    assertThatThrownBy(() -> new BoundedCache(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void manyThreadsNeverGrowItPastItsBound() throws Exception {
    BoundedCache cache = new BoundedCache(100);
    ExecutorService threads = Executors.newFixedThreadPool(16);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < 16; t++) {
      int thread = t;
      done.add(threads.submit(() -> {
        start.await();
        for (int i = 0; i < 5_000; i++) {
          cache.put(thread + "-" + i, i);
          cache.get(thread + "-" + (i / 2));
        }
        return null;
      }));
    }
    start.countDown();
    for (Future<?> future : done) {
      future.get();
    }
    threads.shutdown();
    assertThat(cache.size()).isEqualTo(100);
  }
}
