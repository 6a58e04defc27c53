/**
 * {@code outpost admin calc}: the bundled clinical models ({@link org.outpost.app.catalog.BundledModels}) on the
 * command line, for other programs and for batch scoring: one JSON object of inputs in and one JSON result
 * out, a model's inputs as text ({@code --help}) or JSON ({@code --schema}), or a CSV file scored row by
 * row, streaming. Inputs are parsed by {@link org.outpost.app.model.ModelInputs#parse}, exactly as the
 * chart parses them; unknown input names are refused. It needs no database and never starts JavaFX.
 */
package org.outpost.ui.cli.calc;
