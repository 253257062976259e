package dev.concierge.adapter.web.session;

import dev.concierge.application.port.in.AuthenticateUseCase;
import dev.concierge.application.port.in.Caller;
import dev.concierge.domain.account.NotAllowedException;
import dev.concierge.domain.account.SessionRejectedException;
import java.util.List;
import java.util.Locale;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Resolves handler parameters of type {@link Caller.OwnerCaller} and {@link Caller.AdminCaller} from the request's
 * {@code Authorization: Bearer} header: no valid session is 401, a valid session of the other role is 403. A handler
 * that declares such a parameter therefore cannot run for anyone else, and an owner handler acts on the tenant the
 * session names, never on one the request names. The session is checked once per request.
 */
final class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    private static final String CALLER = CallerArgumentResolver.class.getName() + ".caller";
    private static final String BEARER = "bearer ";

    private final AuthenticateUseCase authenticate;

    CallerArgumentResolver(AuthenticateUseCase authenticate) {
        this.authenticate = authenticate;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        Class<?> type = parameter.getParameterType();
        return type == Caller.OwnerCaller.class || type == Caller.AdminCaller.class;
    }

    @Override
    public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext bindingContext,
            ServerWebExchange exchange) {
        Class<?> wanted = parameter.getParameterType();
        return caller(exchange)
                .flatMap(caller -> wanted.isInstance(caller) ? Mono.just((Object) caller)
                        : Mono.error(new NotAllowedException()));
    }

    private Mono<Caller> caller(ServerWebExchange exchange) {
        Caller known = exchange.getAttribute(CALLER);
        if (known != null) {
            return Mono.just(known);
        }
        return Mono.defer(() -> authenticate.authenticate(bearerToken(exchange)))
                .doOnNext(caller -> exchange.getAttributes().put(CALLER, caller));
    }

    /** The token of the one {@code Authorization: Bearer} header, or {@code null} when there is none. */
    private static String bearerToken(ServerWebExchange exchange) {
        List<String> values = exchange.getRequest().getHeaders().getOrEmpty(HttpHeaders.AUTHORIZATION);
        if (values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw new SessionRejectedException();
        }
        String value = values.get(0).strip();
        if (!value.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
            throw new SessionRejectedException();
        }
        return value.substring(BEARER.length()).strip();
    }
}
