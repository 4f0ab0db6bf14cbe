package io.faultline.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pins the forms of every kind, which {@link EventShape} derives from the records' headers: the
 * description (it goes into traces, so a change would change trace hashes), the JSON of saved
 * schedules (old files must still read), and the kind names in declaration order.
 */
class FaultEventFormsTest {

    @Test
    void kindsAreTheRecordNamesInDeclarationOrder() {
        assertEquals(List.of("partition", "heal", "crash", "restart", "pause", "resume", "clock-skew", "clock-drift",
                "clock-jump", "disk-fault", "slow-link", "duplicate", "reorder", "primitive"), FaultEvent.KINDS);
    }

    @Test
    void everyKindDescribesItselfAsBefore() {
        assertEquals("""
                @200ms partition isolate(role:primary) on channel replicate for 500ms
                @210ms partition halves
                @220ms partition minority(role:controller) for 1.5s
                @230ms partition majorities-ring for 1ms
                @240ms partition bridge for 1ms
                @250ms partition random for 1ms
                @300ms heal
                @400ms crash host:n1 for 100ms
                @450ms restart host:n1
                @500ms pause random:servers for 7ns
                @510ms resume random:servers
                @600ms clock-skew host:n1 by -250ms
                @610ms clock-drift host:n1 200ppm
                @620ms clock-jump host:n1 by 1m
                @700ms disk-fault lose-unsynced host:n1
                @710ms disk-fault full host:n1 for 50ms
                @800ms slow-link host:n1 +40ms for 300ms
                @900ms duplicate p=0.25 for 100ms
                @1.5s reorder p=0.5 for 100ms
                @1.6s primitive cut-channel b1 b2 data""", ScheduleJsonTest.everyKind().render());
    }

    @Test
    void everyKindWritesTheSameJsonAsBefore() {
        assertEquals("""
                {
                  "version" : 1,
                  "events" : [
                    {"at":"200ms","kind":"partition","shape":"isolate","target":"role:primary","channel":"replicate","for":"500ms"},
                    {"at":"210ms","kind":"partition","shape":"halves"},
                    {"at":"220ms","kind":"partition","shape":"minority","target":"role:controller","for":"1.5s"},
                    {"at":"230ms","kind":"partition","shape":"majorities-ring","for":"1ms"},
                    {"at":"240ms","kind":"partition","shape":"bridge","for":"1ms"},
                    {"at":"250ms","kind":"partition","shape":"random","for":"1ms"},
                    {"at":"300ms","kind":"heal"},
                    {"at":"400ms","kind":"crash","target":"host:n1","for":"100ms"},
                    {"at":"450ms","kind":"restart","target":"host:n1"},
                    {"at":"500ms","kind":"pause","target":"random:servers","for":"7ns"},
                    {"at":"510ms","kind":"resume","target":"random:servers"},
                    {"at":"600ms","kind":"clock-skew","target":"host:n1","offset":"-250ms"},
                    {"at":"610ms","kind":"clock-drift","target":"host:n1","ppm":200},
                    {"at":"620ms","kind":"clock-jump","target":"host:n1","by":"1m"},
                    {"at":"700ms","kind":"disk-fault","target":"host:n1","fault":"lose-unsynced"},
                    {"at":"710ms","kind":"disk-fault","target":"host:n1","fault":"full","for":"50ms"},
                    {"at":"800ms","kind":"slow-link","target":"host:n1","latency":"40ms","for":"300ms"},
                    {"at":"900ms","kind":"duplicate","probability":0.25,"for":"100ms"},
                    {"at":"1.5s","kind":"reorder","probability":0.5,"for":"100ms"},
                    {"at":"1.6s","kind":"primitive","call":"cut-channel b1 b2 data"}
                  ]
                }
                """, ScheduleJson.toJson(ScheduleJsonTest.everyKind()));
    }

    @Test
    void withAtChangesOnlyTheTime() {
        for (FaultEvent e : ScheduleJsonTest.everyKind().events()) {
            FaultEvent moved = e.withAt(e.at() + 1);
            assertEquals(e.getClass(), moved.getClass());
            assertEquals(e.at() + 1, moved.at());
            assertEquals(e.describe(), moved.describe());
            assertEquals(e, moved.withAt(e.at()));
        }
    }
}
