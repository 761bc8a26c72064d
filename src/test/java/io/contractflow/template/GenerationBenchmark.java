package io.contractflow.template;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * How long it takes to generate a ten-page contract: the master services agreement with a long
 * scope, built from its source, filled (DOCX) and rendered (PDF) — everything but storage. No
 * Spring, no database.
 *
 * <pre>
 * ./mvnw -q test-compile && java -cp "target/classes:target/test-classes:$(./mvnw -q dependency:build-classpath
 *   -Dmdep.outputFile=/dev/stdout)" io.contractflow.template.GenerationBenchmark [runs]</pre>
 */
public final class GenerationBenchmark {

  private GenerationBenchmark() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 25;
    Result result = run(runs, 10);
    System.out.printf(
        "MSA, %d pages, %,d bytes DOCX, %,d bytes PDF: median %.1f ms, min %.1f ms, max %.1f ms"
            + " for DOCX fill + PDF render over %d runs (after %d warm-up runs)%n",
        result.pages(),
        result.docxBytes(),
        result.pdfBytes(),
        result.medianMillis(),
        result.minMillis(),
        result.maxMillis(),
        runs,
        runs);
  }

  /**
   * The measurement: the generated document's size, and the median, min and max time per
   * generation.
   */
  public record Result(
      int pages,
      int docxBytes,
      int pdfBytes,
      double medianMillis,
      double minMillis,
      double maxMillis) {}

  /**
   * Generates the MSA with a scope long enough for about {@code targetPages} pages, {@code runs}
   * times.
   */
  public static Result run(int runs, int targetPages) throws Exception {
    DocxTemplateBuilder builder = new DocxTemplateBuilder();
    PdfRenderer renderer = new PdfRenderer();
    ShippedClauseLibrary clauses = new ShippedClauseLibrary();
    TemplateSource msa = new TemplateCatalog().find("master-services-agreement").orElseThrow();
    Map<String, String> variables = new HashMap<>(ShippedClauseLibrary.variables());
    String paragraph =
        "The Supplier shall operate, monitor and maintain the Customer's production platform, including "
            + "incident response within the agreed service levels, capacity planning, security patching, backups and "
            + "restore tests, and shall report monthly on availability, incidents and improvements. ";
    // the template alone is about 3 pages; 14 repetitions fill about one more page
    variables.put("scope", paragraph.repeat(Math.max(1, (targetPages - 3) * 14)));
    ContractFacts facts = ShippedClauseLibrary.facts();

    DocumentGenerator.Filled filled = null;
    for (int i = 0; i < runs; i++) { // warm up
      filled = DocumentGenerator.fill(builder, renderer, msa, facts, variables, clauses);
    }
    double[] millis = new double[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      filled = DocumentGenerator.fill(builder, renderer, msa, facts, variables, clauses);
      millis[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(millis);
    double median =
        runs % 2 == 1 ? millis[runs / 2] : (millis[runs / 2 - 1] + millis[runs / 2]) / 2;
    int pages;
    try (PDDocument pdf = Loader.loadPDF(filled.pdf())) {
      pages = pdf.getNumberOfPages();
    }
    return new Result(
        pages, filled.docx().length, filled.pdf().length, median, millis[0], millis[runs - 1]);
  }
}
