/*
 * Copyright 2026 the Trellis authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package dev.trellis.catalog.api;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.StringUtils;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Exception handler that answers an invalid request parameter of the catalog's resources
 * with a 400 problem naming the parameter, in {@code detail} and in an {@code errors}
 * property of {@code {"parameter", "message"}} entries.
 * <p>
 * The platform's problem handler already answers these exceptions with a 400, but its
 * detail for a failed constraint is only "Validation failure", which does not tell the
 * client which parameter to fix. Ordered first so that it wins over that handler.
 *
 * @author Trellis
 */
@RestControllerAdvice(assignableTypes = ProductResource.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class InvalidParameterExceptionHandler {

	@ExceptionHandler
	ResponseEntity<ProblemDetail> handleInvalidParameter(HandlerMethodValidationException ex,
			HttpServletRequest request) {
		List<InvalidParameter> errors = new ArrayList<>();
		for (ParameterValidationResult result : ex.getParameterValidationResults()) {
			String parameter = nameOf(result.getMethodParameter());
			for (MessageSourceResolvable error : result.getResolvableErrors()) {
				errors.add(new InvalidParameter(parameter, String.valueOf(error.getDefaultMessage())));
			}
		}
		return badRequest(errors, request);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> handleUnreadableParameter(MethodArgumentTypeMismatchException ex,
			HttpServletRequest request) {
		Class<?> requiredType = ex.getRequiredType();
		String message = (requiredType != null) ? "must be of type " + requiredType.getSimpleName()
				: "has an unreadable value";
		return badRequest(List.of(new InvalidParameter(nameOf(ex.getParameter()), message)), request);
	}

	private ResponseEntity<ProblemDetail> badRequest(List<InvalidParameter> errors, HttpServletRequest request) {
		String detail = errors.isEmpty() ? "Invalid request."
				: errors.stream()
					.map((error) -> "'" + error.parameter() + "' " + error.message())
					.collect(Collectors.joining("; ", "Invalid request parameter: ", "."));
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setInstance(URI.create(request.getRequestURI()));
		problem.setProperty("errors", errors);
		return ResponseEntity.badRequest().body(problem);
	}

	private String nameOf(MethodParameter parameter) {
		RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
		if (requestParam != null && StringUtils.hasText(requestParam.name())) {
			return requestParam.name();
		}
		PathVariable pathVariable = parameter.getParameterAnnotation(PathVariable.class);
		if (pathVariable != null && StringUtils.hasText(pathVariable.name())) {
			return pathVariable.name();
		}
		String name = parameter.getParameterName();
		return (name != null) ? name : "argument " + parameter.getParameterIndex();
	}

	/**
	 * One invalid parameter of a request.
	 *
	 * @param parameter name of the parameter as the client sent it
	 * @param message what is wrong with its value
	 */
	record InvalidParameter(String parameter, String message) {

	}

}
