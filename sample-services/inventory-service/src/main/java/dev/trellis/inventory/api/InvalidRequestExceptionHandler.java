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
package dev.trellis.inventory.api;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.util.StringUtils;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Exception handler that answers an invalid request to the inventory's resources with a
 * 400 problem naming everything to fix: in {@code detail}, and in an {@code errors}
 * property whose entries name either a request {@code parameter} or a {@code field} of
 * the JSON body (such as {@code lines[0].quantity}), with a {@code message}.
 * <p>
 * The platform's problem handler already answers these exceptions with a 400, but its
 * details ("Validation failure", "Invalid request content", "Failed to read request") do
 * not tell the client what to fix. Ordered first so that it wins over that handler.
 *
 * @author Trellis
 */
@RestControllerAdvice(assignableTypes = { StockResource.class, ReservationResource.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class InvalidRequestExceptionHandler {

	private static final Map<Class<?>, String> TYPE_NAMES = Map.of(UUID.class, "must be a UUID", Integer.class,
			"must be a whole number", int.class, "must be a whole number", String.class, "must be a string", List.class,
			"must be an array");

	@ExceptionHandler
	ResponseEntity<ProblemDetail> handleInvalidArguments(HandlerMethodValidationException ex,
			HttpServletRequest request) {
		List<Object> errors = new ArrayList<>();
		for (ParameterValidationResult result : ex.getParameterValidationResults()) {
			if (result instanceof ParameterErrors body) {
				addFieldErrors(body.getAllErrors(), errors);
			}
			else {
				String parameter = nameOf(result.getMethodParameter());
				for (MessageSourceResolvable error : result.getResolvableErrors()) {
					errors.add(new InvalidParameter(parameter, String.valueOf(error.getDefaultMessage())));
				}
			}
		}
		return badRequest(errors, request);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> handleInvalidBody(MethodArgumentNotValidException ex, HttpServletRequest request) {
		List<Object> errors = new ArrayList<>();
		addFieldErrors(ex.getBindingResult().getAllErrors(), errors);
		return badRequest(errors, request);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> handleUnreadableParameter(MethodArgumentTypeMismatchException ex,
			HttpServletRequest request) {
		Class<?> requiredType = ex.getRequiredType();
		String message = (requiredType != null)
				? TYPE_NAMES.getOrDefault(requiredType, "must be of type " + requiredType.getSimpleName())
				: "has an unreadable value";
		return badRequest(List.of(new InvalidParameter(nameOf(ex.getParameter()), message)), request);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> handleMissingParameter(MissingServletRequestParameterException ex,
			HttpServletRequest request) {
		return badRequest(List.of(new InvalidParameter(ex.getParameterName(), "is required")), request);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> handleUnreadableBody(HttpMessageNotReadableException ex, HttpServletRequest request) {
		JacksonException cause = jacksonCause(ex);
		String field = (cause != null) ? pathOf(cause) : "";
		if (!StringUtils.hasText(field)) {
			return badRequest("The request body is missing or is not valid JSON.", List.of(), request);
		}
		Class<?> targetType = (cause instanceof MismatchedInputException mismatch) ? mismatch.getTargetType() : null;
		String message = (targetType != null) ? TYPE_NAMES.getOrDefault(targetType, "has a value of the wrong type")
				: "has an unreadable value";
		return badRequest(List.of(new InvalidField(field, message)), request);
	}

	private static void addFieldErrors(List<ObjectError> objectErrors, List<Object> errors) {
		for (ObjectError error : objectErrors) {
			String field = (error instanceof FieldError fieldError) ? fieldError.getField() : error.getObjectName();
			errors.add(new InvalidField(field, String.valueOf(error.getDefaultMessage())));
		}
	}

	private static @Nullable JacksonException jacksonCause(Throwable ex) {
		for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof JacksonException jackson) {
				return jackson;
			}
		}
		return null;
	}

	/**
	 * The path of the JSON value Jackson could not read, as a client would write it:
	 * {@code lines[0].quantity}.
	 */
	private static String pathOf(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			String property = reference.getPropertyName();
			if (property != null) {
				path.append(path.isEmpty() ? "" : ".").append(property);
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private ResponseEntity<ProblemDetail> badRequest(List<?> errors, HttpServletRequest request) {
		String detail = errors.isEmpty() ? "Invalid request."
				: errors.stream().map(Object::toString).collect(Collectors.joining("; ", "Invalid request: ", "."));
		return badRequest(detail, errors, request);
	}

	private ResponseEntity<ProblemDetail> badRequest(String detail, List<?> errors, HttpServletRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setInstance(URI.create(request.getRequestURI()));
		if (!errors.isEmpty()) {
			problem.setProperty("errors", errors);
		}
		return ResponseEntity.badRequest().body(problem);
	}

	private static String nameOf(MethodParameter parameter) {
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
	 * An invalid request parameter (path or query).
	 *
	 * @param parameter name of the parameter as the client sent it
	 * @param message what is wrong with its value
	 */
	record InvalidParameter(String parameter, String message) {

		@Override
		public String toString() {
			return "'" + this.parameter + "' " + this.message;
		}

	}

	/**
	 * An invalid field of the JSON body.
	 *
	 * @param field path of the field, such as {@code lines[0].quantity}
	 * @param message what is wrong with its value
	 */
	record InvalidField(String field, String message) {

		@Override
		public String toString() {
			return "'" + this.field + "' " + this.message;
		}

	}

}
