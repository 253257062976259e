package dev.concierge.adapter.web.appointment;

import dev.concierge.application.port.in.Caller;
import dev.concierge.application.port.in.ManageAvailabilityUseCase;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The signed-in owner's availability rules under {@code /api/v1/tenant/availability}. Creating a rule identical to
 * an existing one answers 200 with that rule instead of 201 with a copy; an overlapping rule is 409 naming the clash.
 */
@RestController
public class AvailabilityController {

    private static final String RULES = "/api/v1/tenant/availability";

    private final ManageAvailabilityUseCase availability;

    public AvailabilityController(ManageAvailabilityUseCase availability) {
        this.availability = availability;
    }

    @GetMapping(path = RULES, produces = MediaType.APPLICATION_JSON_VALUE)
    public Flux<RuleResponse> list(Caller.OwnerCaller owner) {
        return availability.list(owner).map(RuleResponse::fromDomain);
    }

    @PostMapping(path = RULES, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<RuleResponse>> create(Caller.OwnerCaller owner, @RequestBody Mono<RuleRequest> request) {
        return request.flatMap(body -> availability.create(owner, body.toForm()))
                .map(saved -> ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK)
                        .body(RuleResponse.fromDomain(saved.rule())));
    }

    @PutMapping(path = RULES + "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<RuleResponse> update(Caller.OwnerCaller owner, @PathVariable String id,
            @RequestBody Mono<RuleRequest> request) {
        return request.flatMap(body -> availability.update(owner, QueryValues.ruleId(id), body.toForm()))
                .map(RuleResponse::fromDomain);
    }

    @DeleteMapping(path = RULES + "/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public Mono<Void> delete(Caller.OwnerCaller owner, @PathVariable String id) {
        return Mono.defer(() -> availability.delete(owner, QueryValues.ruleId(id)));
    }
}
