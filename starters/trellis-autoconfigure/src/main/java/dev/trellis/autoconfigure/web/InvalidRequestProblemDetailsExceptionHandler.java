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
package dev.trellis.autoconfigure.web;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Exception handler that answers an invalid request with a 400 problem naming everything
 * the client has to fix: in {@code detail} ("Invalid request: 'lines[0].quantity' must be
 * greater than 0."), and in an {@code errors} property whose entries each name a request
 * {@code parameter} (query or path), a {@code header}, or a {@code field} of the JSON
 * body (such as {@code lines[0].quantity}), with a {@code message}.
 * <p>
 * {@link ProblemDetailsExceptionHandler} answers these exceptions with a 400 as well, but
 * its details ("Validation failure", "Invalid request content", "Failed to read request")
 * do not say what to fix. Ordered before it so that this handler wins; a service that
 * answers one of these exceptions differently declares its own advice with a higher
 * precedence.
 *
 * @author Trellis
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE - 1)
public class InvalidRequestProblemDetailsExceptionHandler {

	private static final boolean JACKSON_PRESENT = ClassUtils.isPresent("tools.jackson.databind.ObjectMapper",
			InvalidRequestProblemDetailsExceptionHandler.class.getClassLoader());

	@ExceptionHandler
	ResponseEntity<ProblemDetail> handleInvalidArguments(HandlerMethodValidationException ex,
			HttpServletRequest request) {
		List<InvalidValue> errors = new ArrayList<>();
		for (ParameterValidationResult result : ex.getParameterValidationResults()) {
			if (result instanceof ParameterErrors object) {
				// A @Valid body validated along with constrained parameters.
				addFieldErrors(object.getAllErrors(), errors);
				continue;
			}
			for (MessageSourceResolvable error : result.getResolvableErrors()) {
				errors.add(invalid(result.getMethodParameter(), nameOf(result.getMethodParameter()),
						String.valueOf(error.getDefaultMessage())));
			}
		}
		return badRequest(errors, request);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> handleInvalidBody(MethodArgumentNotValidException ex, HttpServletRequest request) {
		List<InvalidValue> errors = new ArrayList<>();
		addFieldErrors(ex.getBindingResult().getAllErrors(), errors);
		return badRequest(errors, request);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> handleUnconvertibleArgument(MethodArgumentTypeMismatchException ex,
			HttpServletRequest request) {
		Class<?> requiredType = ex.getRequiredType();
		String message = (requiredType != null) ? describe(requiredType) : "has an unreadable value";
		return badRequest(List.of(invalid(ex.getParameter(), ex.getName(), message)), request);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> handleMissingParameter(MissingServletRequestParameterException ex,
			HttpServletRequest request) {
		return badRequest(List.of(new InvalidParameter(ex.getParameterName(), "is required")), request);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> handleMissingHeader(MissingRequestHeaderException ex, HttpServletRequest request) {
		return badRequest(List.of(new InvalidHeader(ex.getHeaderName(), "is required")), request);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> handleUnreadableBody(HttpMessageNotReadableException ex, HttpServletRequest request) {
		InvalidField field = JACKSON_PRESENT ? JacksonFields.unreadableField(ex) : null;
		if (field == null) {
			return badRequest("The request body is missing or is not valid JSON.", List.of(), request);
		}
		return badRequest(List.of(field), request);
	}

	private static void addFieldErrors(List<? extends ObjectError> objectErrors, List<InvalidValue> errors) {
		for (ObjectError error : objectErrors) {
			String field = (error instanceof FieldError fieldError) ? fieldError.getField() : error.getObjectName();
			errors.add(new InvalidField(field, String.valueOf(error.getDefaultMessage())));
		}
	}

	private static InvalidValue invalid(MethodParameter parameter, String name, String message) {
		return parameter.hasParameterAnnotation(RequestHeader.class) ? new InvalidHeader(name, message)
				: new InvalidParameter(name, message);
	}

	/**
	 * The name of a parameter as the client sends it: the name given to
	 * {@code @RequestParam}, {@code @RequestHeader} or {@code @PathVariable}, else the
	 * Java parameter's.
	 */
	private static String nameOf(MethodParameter parameter) {
		RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
		if (requestParam != null) {
			return nameOf(parameter, requestParam.name(), requestParam.value());
		}
		RequestHeader requestHeader = parameter.getParameterAnnotation(RequestHeader.class);
		if (requestHeader != null) {
			return nameOf(parameter, requestHeader.name(), requestHeader.value());
		}
		PathVariable pathVariable = parameter.getParameterAnnotation(PathVariable.class);
		if (pathVariable != null) {
			return nameOf(parameter, pathVariable.name(), pathVariable.value());
		}
		return nameOf(parameter, "", "");
	}

	private static String nameOf(MethodParameter parameter, String name, String value) {
		if (StringUtils.hasText(name)) {
			return name;
		}
		if (StringUtils.hasText(value)) {
			return value;
		}
		String parameterName = parameter.getParameterName();
		return (parameterName != null) ? parameterName : "argument " + parameter.getParameterIndex();
	}

	/**
	 * What a value of the given type must look like, for a client that sent something
	 * else.
	 */
	static String describe(Class<?> type) {
		Class<?> boxed = ClassUtils.resolvePrimitiveIfNecessary(type);
		if (boxed == UUID.class) {
			return "must be a UUID";
		}
		if (boxed == Integer.class || boxed == Long.class || boxed == Short.class || boxed == Byte.class
				|| boxed == BigInteger.class) {
			return "must be a whole number";
		}
		if (boxed == Double.class || boxed == Float.class || boxed == BigDecimal.class) {
			return "must be a number";
		}
		if (boxed == Boolean.class) {
			return "must be true or false";
		}
		if (boxed == String.class) {
			return "must be a string";
		}
		if (boxed.isArray() || Collection.class.isAssignableFrom(boxed)) {
			return "must be an array";
		}
		if (boxed.isEnum()) {
			return Arrays.stream(boxed.getEnumConstants())
				.map(String::valueOf)
				.collect(Collectors.joining(", ", "must be one of ", ""));
		}
		return "must be of type " + boxed.getSimpleName();
	}

	private ResponseEntity<ProblemDetail> badRequest(List<InvalidValue> errors, HttpServletRequest request) {
		String detail = errors.isEmpty() ? "Invalid request."
				: errors.stream()
					.map((error) -> "'" + error.name() + "' " + error.message())
					.collect(Collectors.joining("; ", "Invalid request: ", "."));
		return badRequest(detail, errors, request);
	}

	private ResponseEntity<ProblemDetail> badRequest(String detail, List<InvalidValue> errors,
			HttpServletRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setInstance(URI.create(request.getRequestURI()));
		problem.setProperty("errors", errors);
		return ResponseEntity.badRequest().body(problem);
	}

	/**
	 * One invalid value of a request, an entry of the problem's {@code errors}.
	 */
	sealed interface InvalidValue permits InvalidParameter, InvalidHeader, InvalidField {

		/**
		 * The name of what is invalid, as the client sent it.
		 * @return the parameter's, header's or field's name
		 */
		String name();

		/**
		 * What is wrong with the value.
		 * @return the message, such as "must not be null"
		 */
		String message();

	}

	/**
	 * An invalid request parameter (query or path).
	 *
	 * @param parameter name of the parameter as the client sent it
	 * @param message what is wrong with its value
	 */
	record InvalidParameter(String parameter, String message) implements InvalidValue {

		@Override
		public String name() {
			return this.parameter;
		}

	}

	/**
	 * An invalid or missing request header.
	 *
	 * @param header name of the header
	 * @param message what is wrong with its value
	 */
	record InvalidHeader(String header, String message) implements InvalidValue {

		@Override
		public String name() {
			return this.header;
		}

	}

	/**
	 * An invalid field of the request body.
	 *
	 * @param field path of the field, such as {@code lines[0].quantity}
	 * @param message what is wrong with its value
	 */
	record InvalidField(String field, String message) implements InvalidValue {

		@Override
		public String name() {
			return this.field;
		}

	}

	/**
	 * Reads which field of a JSON body Jackson could not read; only loaded when Jackson
	 * is on the classpath.
	 */
	private static final class JacksonFields {

		static @Nullable InvalidField unreadableField(HttpMessageNotReadableException ex) {
			JacksonException cause = jacksonCause(ex);
			if (cause == null || cause instanceof StreamReadException) {
				// Not JSON at all: no field to name, even if Jackson was inside one.
				return null;
			}
			String path = pathOf(cause);
			if (!StringUtils.hasText(path)) {
				return null;
			}
			Class<?> targetType = (cause instanceof MismatchedInputException mismatch) ? mismatch.getTargetType()
					: null;
			String message = (targetType != null) ? describe(targetType) : "has an unreadable value";
			return new InvalidField(path, message);
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

	}

}
