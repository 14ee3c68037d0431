package org.stocktake.lifecycle;

import java.util.Set;
import java.util.stream.Collectors;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.stocktake.web.InvalidInputException;

/**
 * The engine REST API as Camunda ships it, except that a task submission our listeners refuse
 * (a missing or malformed field) answers 400 with the field's name instead of 500: the engine
 * wraps every listener exception, so its own mapper would call bad input a server error.
 */
@Configuration
@ConditionalOnWebApplication
class EngineRestConfiguration {

    @Bean
    CamundaJerseyResourceConfig engineRestResources() {
        return new CamundaJerseyResourceConfig() {
            @Override
            protected void registerCamundaRestResources() {
                registerClasses(CamundaRestResources.getResourceClasses());
                Set<Class<?>> configuration = CamundaRestResources.getConfigurationClasses().stream()
                        .filter(type -> type != RestExceptionHandler.class)
                        .collect(Collectors.toSet());
                registerClasses(configuration);
                register(JacksonFeature.class);
                register(new RefusedSubmissionMapper());
            }
        };
    }

    static class RefusedSubmissionMapper implements ExceptionMapper<RestException> {

        @Override
        public Response toResponse(RestException exception) {
            for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
                if (cause instanceof InvalidInputException invalid) {
                    ExceptionDto body = new ExceptionDto();
                    body.setType(InvalidInputException.class.getSimpleName());
                    body.setMessage(invalid.getMessage());
                    return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
                }
            }
            return ExceptionHandlerHelper.getInstance().getResponse(exception);
        }
    }
}
