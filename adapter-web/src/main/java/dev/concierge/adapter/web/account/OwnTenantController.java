package dev.concierge.adapter.web.account;

import dev.concierge.adapter.web.problem.ProblemException;
import dev.concierge.adapter.web.problem.ProblemType;
import dev.concierge.application.port.in.Caller;
import dev.concierge.application.port.in.ChangePasswordCommand;
import dev.concierge.application.port.in.ChangePasswordUseCase;
import dev.concierge.application.port.in.ClientAddress;
import dev.concierge.application.port.in.LoadOwnSettingsUseCase;
import dev.concierge.application.port.in.RevokeSessionsUseCase;
import dev.concierge.application.port.in.UpdateOwnSettingsUseCase;
import dev.concierge.domain.tenant.Tenant;
import dev.concierge.domain.tenant.TenantChangedConcurrentlyException;
import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The signed-in owner's own tenant: {@code GET} and {@code PUT /api/v1/tenant}, the password
 * ({@code POST /api/v1/tenant/password}) and signing out everywhere ({@code DELETE /api/v1/tenant/sessions}).
 * There is no tenant id in these paths: the tenant is the one the session names.
 *
 * <p>A read carries the tenant's version as its {@code ETag}; an edit names the version it is based on in
 * {@code If-Match} (answered 412 when the tenant has moved on) or, for clients that cannot set headers, in the body's
 * {@code version} (answered 409). An edit that names no version is refused with 428, so no client can overwrite
 * another's change without having seen it.
 */
@RestController
public class OwnTenantController {

    private static final Pattern STRONG_TAG = Pattern.compile("\"(\\d{1,18})\"");

    private final LoadOwnSettingsUseCase load;
    private final UpdateOwnSettingsUseCase update;
    private final ChangePasswordUseCase changePassword;
    private final RevokeSessionsUseCase revokeSessions;
    private final Clock clock;

    public OwnTenantController(LoadOwnSettingsUseCase load, UpdateOwnSettingsUseCase update,
            ChangePasswordUseCase changePassword, RevokeSessionsUseCase revokeSessions, Clock clock) {
        this.load = load;
        this.update = update;
        this.changePassword = changePassword;
        this.revokeSessions = revokeSessions;
        this.clock = clock;
    }

    @GetMapping(path = "/api/v1/tenant", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<OwnTenantResponse>> read(Caller.OwnerCaller owner) {
        return load.load(owner).map(OwnTenantController::answer);
    }

    @PutMapping(path = "/api/v1/tenant", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<OwnTenantResponse>> replace(Caller.OwnerCaller owner, ClientAddress from,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody Mono<SettingsRequest> request) {
        return request.flatMap(body -> {
            boolean conditional = ifMatch != null;
            long basedOn = conditional ? versionOf(ifMatch) : versionOf(body);
            return update.update(owner, basedOn, body.toForm().validate(), from)
                    .onErrorMap(TenantChangedConcurrentlyException.class, stale -> conditional
                            ? new ProblemException(ProblemType.PRECONDITION_FAILED, "The settings changed since "
                                    + "version " + basedOn + " was read. Read them again and repeat the change.")
                            : stale);
        }).map(OwnTenantController::answer);
    }

    @PostMapping(path = "/api/v1/tenant/password", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<SessionResponse>> changePassword(Caller.OwnerCaller owner, ClientAddress from,
            @RequestBody Mono<ChangePasswordRequest> request) {
        return request
                .map(body -> ChangePasswordCommand.of(body.currentPassword(), body.newPassword()))
                .flatMap(command -> changePassword.changePassword(owner, command, from))
                .map(session -> SessionAnswers.answer(session, clock));
    }

    @DeleteMapping(path = "/api/v1/tenant/sessions")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public Mono<Void> signOutEverywhere(Caller.OwnerCaller owner, ClientAddress from) {
        return revokeSessions.revokeSessions(owner, from);
    }

    private static ResponseEntity<OwnTenantResponse> answer(Tenant tenant) {
        return ResponseEntity.ok()
                .eTag("\"" + tenant.version() + "\"")
                .cacheControl(CacheControl.noStore())
                .body(OwnTenantResponse.fromDomain(tenant));
    }

    /** The version an {@code If-Match} names; a value that cannot match any version fails the precondition. */
    private static long versionOf(String ifMatch) {
        Matcher tag = STRONG_TAG.matcher(ifMatch.strip());
        if (!tag.matches()) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED,
                    "If-Match must be the ETag of the settings read last, such as \"3\".");
        }
        return Long.parseLong(tag.group(1));
    }

    private static long versionOf(SettingsRequest body) {
        if (body.version() == null) {
            throw new ProblemException(ProblemType.PRECONDITION_REQUIRED, "Name the version the change is based on: "
                    + "send the ETag of the settings read last as If-Match, or their version as 'version'.");
        }
        return body.version();
    }
}
