/**
 * The refusals a feature's services throw, without knowing HTTP: {@link NotFoundException}, {@link
 * NotPermittedException}, {@link ConflictException}, {@link InvalidInputException}, {@link
 * GoneException}, {@link UnavailableException}, {@link RejectedContentException} and {@link
 * TooManyAttemptsException}. The web layer ({@code platform.web.ProblemDetailsHandler}) answers
 * each with an RFC 9457 problem and its HTTP status; the problem type is the refusal's {@link
 * DomainException#problem() slug}.
 */
package io.contractflow.platform.error;
