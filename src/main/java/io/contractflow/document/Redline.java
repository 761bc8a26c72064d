package io.contractflow.document;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;

/**
 * A redline of two texts, word by word: the runs that stay, the runs deleted from the first and the
 * runs inserted in the second, in reading order.
 */
record Redline(List<Segment> segments, int wordsInserted, int wordsDeleted) {

  /** What happened to a run of text. */
  enum Op {
    EQUAL,
    INSERT,
    DELETE
  }

  /** A run of text and what happened to it. */
  record Segment(Op op, String text) {}

  private static final Pattern TOKENS = Pattern.compile("\\s+|[^\\s]+");

  static Redline between(String before, String after) {
    List<String> a = tokens(before);
    List<String> b = tokens(after);
    Patch<String> patch = DiffUtils.diff(a, b);
    List<Segment> segments = new ArrayList<>();
    int inserted = 0;
    int deleted = 0;
    int position = 0;
    for (AbstractDelta<String> delta : patch.getDeltas()) {
      int start = delta.getSource().getPosition();
      add(segments, Op.EQUAL, a.subList(position, start));
      add(segments, Op.DELETE, delta.getSource().getLines());
      add(segments, Op.INSERT, delta.getTarget().getLines());
      deleted += words(delta.getSource().getLines());
      inserted += words(delta.getTarget().getLines());
      position = start + delta.getSource().size();
    }
    add(segments, Op.EQUAL, a.subList(position, a.size()));
    return new Redline(List.copyOf(segments), inserted, deleted);
  }

  static int tokenCount(String text) {
    return tokens(text).size();
  }

  /** A readable page: deletions struck through in red, insertions underlined in green. */
  String toHtml(String title) {
    StringBuilder html =
        new StringBuilder(1024)
            .append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
            .append(HtmlUtils.htmlEscape(title))
            .append(
                "</title><style>body{font:15px/1.6 Georgia,serif;max-width:50em;margin:2em auto;padding:0 1em}")
            .append("pre{white-space:pre-wrap;font:inherit}del{background:#fde2e2;color:#a30000}")
            .append(
                "ins{background:#e0f5e0;color:#0b6b0b}.summary{font-family:sans-serif;color:#555}</style></head><body><h1>")
            .append(HtmlUtils.htmlEscape(title))
            .append("</h1><p class=\"summary\">")
            .append(wordsInserted)
            .append(" words inserted, ")
            .append(wordsDeleted)
            .append(" words deleted</p><pre>");
    for (Segment segment : segments) {
      String text = HtmlUtils.htmlEscape(segment.text());
      switch (segment.op()) {
        case EQUAL -> html.append(text);
        case DELETE -> html.append("<del>").append(text).append("</del>");
        case INSERT -> html.append("<ins>").append(text).append("</ins>");
      }
    }
    return html.append("</pre></body></html>").toString();
  }

  private static List<String> tokens(String text) {
    List<String> tokens = new ArrayList<>();
    if (text == null) {
      return tokens;
    }
    Matcher matcher = TOKENS.matcher(text);
    while (matcher.find()) {
      tokens.add(matcher.group());
    }
    return tokens;
  }

  private static void add(List<Segment> segments, Op op, List<String> tokens) {
    if (tokens.isEmpty()) {
      return;
    }
    String text = String.join("", tokens);
    int last = segments.size() - 1;
    if (last >= 0 && segments.get(last).op() == op) {
      segments.set(last, new Segment(op, segments.get(last).text() + text));
    } else {
      segments.add(new Segment(op, text));
    }
  }

  private static int words(List<String> tokens) {
    return (int) tokens.stream().filter(t -> !t.isBlank()).count();
  }
}
