package io.faultline.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faultline.faults.byteman.Byteman;
import io.faultline.faults.byteman.BytemanExtension;
import io.faultline.faults.byteman.Injection;
import io.faultline.faults.byteman.Rules;
import io.faultline.faults.byteman.Stall;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The code of docs/byteman.adoc, compiled and run by the build. */
// tag::extension[]
@ExtendWith(BytemanExtension.class)   // removes any rule a test leaves installed
class BytemanCatalogExampleTest {
    // end::extension[]

    // tag::target[]
    /** The real code under test: a tiny block store. */
    static class BlockStore {
        private int stored;

        void put(int block) throws IOException {
            stored++;
        }

        void sync() {
            stored = 0;
        }

        String status() {
            return "ok";
        }

        int stored() {
            return stored;
        }
    }
    // end::target[]

    @Test
    void throwAtEntry() throws Exception {
        BlockStore store = new BlockStore();
        // tag::throw[]
        try (Injection i = Byteman.install(
                Rules.throwAtEntry(BlockStore.class, "put(int)", IOException.class, "disk gone")
                        .onlyWhen("$1 >= 100")      // only for blocks 100 and up
                        .onlyAfterCalls(1))) {      // let the first such call through
            store.put(100);                                             // passes
            assertThrows(IOException.class, () -> store.put(101));      // fails: "disk gone"
            store.put(5);                                               // passes: condition false
        }
        store.put(102);                                                 // rule removed: passes
        // end::throw[]
        assertEquals(3, store.stored());
    }

    @Test
    void delay() throws Exception {
        BlockStore store = new BlockStore();
        // tag::delay[]
        try (Injection i = Byteman.install(Rules.delay(BlockStore.class, "sync()", Duration.ofMillis(200)))) {
            Thread syncer = new Thread(store::sync);
            syncer.start();
            syncer.join(20);
            assertTrue(syncer.isAlive());        // still inside the delayed sync()
            syncer.join(5_000);
        }
        // end::delay[]
    }

    @Test
    void returnEarly() throws Exception {
        BlockStore store = new BlockStore();
        store.put(1);
        // tag::return[]
        try (Injection i = Byteman.install(
                Rules.returnEarly(BlockStore.class, "sync()"),                  // a void method does nothing
                Rules.returnValue(BlockStore.class, "status()", "degraded"))) { // a method returns a value
            store.sync();
            assertEquals(1, store.stored());          // sync's body was skipped
            assertEquals("degraded", store.status());
        }
        // end::return[]
    }

    @Test
    void stall() throws Exception {
        BlockStore store = new BlockStore();
        AtomicReference<String> seen = new AtomicReference<>("not yet");
        // tag::stall[]
        Stall stall = Stall.create(Duration.ofSeconds(10));   // no wait lasts longer than this
        try (Injection i = Byteman.install(Rules.stall(BlockStore.class, "status()", stall))) {
            Thread reader = new Thread(() -> seen.set(store.status()));
            reader.start();
            assertTrue(stall.awaitStalled(Duration.ofSeconds(10)));   // reader is blocked in status()
            assertEquals("not yet", seen.get());
            stall.release();                                          // let it go on
            reader.join(10_000);
        }
        assertEquals("ok", seen.get());
        // end::stall[]
    }
}
