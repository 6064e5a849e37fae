package org.opencsms.api.cms;

/**
 * What became of a GetCompositeSchedule.
 *
 * @param schedule the charge point's answer, typed; null unless it answered with a CALLRESULT
 */
public record CompositeScheduleAnswer(SentCommand command, CompositeScheduleView schedule) {
}
