package dev.concierge.adapter.web.account;

import dev.concierge.application.port.in.SignedIn;
import java.time.Clock;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;

/** How a new session is answered: never stored by a cache on the way. */
final class SessionAnswers {

    private SessionAnswers() {
    }

    static ResponseEntity<SessionResponse> answer(SignedIn session, Clock clock) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(SessionResponse.fromDomain(session, clock.instant()));
    }
}
