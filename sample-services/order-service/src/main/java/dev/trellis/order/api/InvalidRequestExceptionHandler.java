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
package dev.trellis.order.api;

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
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Exception handler that answers an invalid request to the order resources with a 400
 * problem naming each invalid field ({@code lines[0].quantity}) or parameter, in
 * {@code detail} and in an {@code errors} property of {@code {"field", "message"}}
 * entries.
 * <p>
 * The platform's problem handler answers these exceptions with a 400 as well, but with a
 * detail that does not tell the client what to fix. Ordered first so that it wins over
 * that handler.
 *
 * @author Trellis
 */
@RestControllerAdvice(assignableTypes = OrderResource.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class InvalidRequestExceptionHandler {

	@ExceptionHandler
	ResponseEntity<ProblemDetail> handleInvalidBody(MethodArgumentNotValidException ex, HttpServletRequest request) {
		return badRequest("Invalid request content", fieldsOf(ex.getBindingResult().getAllErrors()), request);
	}

	private static List<InvalidField> fieldsOf(List<ObjectError> objectErrors) {
		List<InvalidField> errors = new ArrayList<>();
		for (ObjectError error : objectErrors) {
			String field = (error instanceof FieldError fieldError) ? fieldError.getField() : error.getObjectName();
			errors.add(new InvalidField(field, String.valueOf(error.getDefaultMessage())));
		}
		return errors;
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> handleInvalidParameter(HandlerMethodValidationException ex,
			HttpServletRequest request) {
		List<InvalidField> errors = new ArrayList<>();
		for (ParameterValidationResult result : ex.getParameterValidationResults()) {
			if (result instanceof ParameterErrors body) {
				// A @Valid body checked along with the parameters: name its fields.
				errors.addAll(fieldsOf(body.getAllErrors()));
				continue;
			}
			String parameter = nameOf(result.getMethodParameter());
			for (MessageSourceResolvable error : result.getResolvableErrors()) {
				errors.add(new InvalidField(parameter, String.valueOf(error.getDefaultMessage())));
			}
		}
		boolean bodyOnly = ex.getParameterValidationResults()
			.stream()
			.allMatch((result) -> result instanceof ParameterErrors);
		return badRequest(bodyOnly ? "Invalid request content" : "Invalid request", errors, request);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> handleUnreadableParameter(MethodArgumentTypeMismatchException ex,
			HttpServletRequest request) {
		Class<?> requiredType = ex.getRequiredType();
		String message = (requiredType != null) ? "must be of type " + requiredType.getSimpleName()
				: "has an unreadable value";
		return badRequest("Invalid request parameter", List.of(new InvalidField(nameOf(ex.getParameter()), message)),
				request);
	}

	private ResponseEntity<ProblemDetail> badRequest(String what, List<InvalidField> errors,
			HttpServletRequest request) {
		String detail = errors.isEmpty() ? what + "."
				: errors.stream()
					.map((error) -> "'" + error.field() + "' " + error.message())
					.collect(Collectors.joining("; ", what + ": ", "."));
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
		RequestHeader requestHeader = parameter.getParameterAnnotation(RequestHeader.class);
		if (requestHeader != null && StringUtils.hasText(requestHeader.value())) {
			return requestHeader.value();
		}
		PathVariable pathVariable = parameter.getParameterAnnotation(PathVariable.class);
		if (pathVariable != null && StringUtils.hasText(pathVariable.name())) {
			return pathVariable.name();
		}
		String name = parameter.getParameterName();
		return (name != null) ? name : "argument " + parameter.getParameterIndex();
	}

	/**
	 * One invalid field or parameter of a request.
	 *
	 * @param field the field's path in the body (such as {@code lines[0].quantity}) or
	 * the parameter's name
	 * @param message what is wrong with its value
	 */
	record InvalidField(String field, String message) {

	}

}
