package uk.workforcewatch.bulk;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvReaderTest {

    private static final Columns PEOPLE = Columns.of(List.of("staffNumber", "name"), List.of("fte", "startDate"));

    private static List<List<String>> records(String text) throws IOException {
        CsvReader reader = new CsvReader(new StringReader(text));
        List<List<String>> records = new ArrayList<>();
        List<String> record;
        while ((record = reader.next()) != null) {
            records.add(record);
        }
        return records;
    }

    @Test
    void quotedFieldsHoldCommasLineBreaksAndDoubledQuotes() throws IOException {
        assertEquals(List.of(List.of("a", "b, c", "say \"hi\""), List.of("line\r\nbreak", "", "")),
                records("a,\"b, c\",\"say \"\"hi\"\"\"\r\n\"line\r\nbreak\",,\r\n"));
    }

    @Test
    void lfOrCrlfEndsARecordAndBlankLinesAndAByteOrderMarkAreSkipped() throws IOException {
        assertEquals(List.of(List.of("x", "y"), List.of("1", "2")), records("\uFEFFx,y\n\r\n1,2"));
    }

    @Test
    void aQuoteLeftOpenOrTextAfterAClosingQuoteIsASyntaxErrorOfItsLine() {
        CsvSyntaxException open = assertThrows(CsvSyntaxException.class, () -> records("a\nb,\"never closed\n"));
        assertEquals(2, open.line());
        assertThrows(CsvSyntaxException.class, () -> records("\"ab\"c,d\n"));
    }

    @Test
    void rowsReadByColumnNameAndEachValueThatWillNotReadIsAnErrorOfItsLineAndColumn() throws IOException {
        RowErrors errors = new RowErrors();
        CsvFile file = new CsvFile(new StringReader("name,staffNumber,fte\nAnn,S1,0.8\nBob,,lots\nCat,S3\n"),
                PEOPLE, errors);
        assertTrue(file.readable());
        CsvRow ann = file.next();
        assertEquals("S1", ann.required("staffNumber"));
        assertEquals(new BigDecimal("0.8"), ann.decimal("fte", true));
        assertNull(ann.date("startDate", false));
        assertTrue(ann.valid());
        CsvRow bob = file.next();
        bob.required("staffNumber");
        bob.decimal("fte", true);
        assertFalse(bob.valid());
        assertNull(file.next(), "Cat's record has two values for three columns: an error, not a row");
        assertEquals(List.of(new RowErrors.RowError(3, "staffNumber", "", "is required"),
                new RowErrors.RowError(3, "fte", "lots", "must be a number such as 0.8"),
                new RowErrors.RowError(4, null, null, "has 2 values where the header names 3 columns")), errors.listed());
        assertEquals(3, file.rows());
    }

    @Test
    void aHeaderWithoutARequiredColumnOrWithAnUnknownOneIsRefusedAtLineOne() throws IOException {
        RowErrors errors = new RowErrors();
        CsvFile file = new CsvFile(new StringReader("name,shoeSize\n"), PEOPLE, errors);
        assertFalse(file.readable());
        assertEquals(List.of("the required column staffNumber is missing",
                "no column is called shoeSize; the columns are staffNumber, name, fte, startDate"),
                errors.listed().stream().map(RowErrors.RowError::message).toList());
    }

    @Test
    void aThingsRowsComeTogetherAndOneNamedAgainLaterIsAnError() throws IOException {
        RowErrors errors = new RowErrors();
        RowGroups groups = new RowGroups(new CsvFile(new StringReader(
                "staffNumber,name\nS1,a\nS1,b\nS2,c\nS1,d\n"), PEOPLE, errors), "staffNumber");
        List<RowGroups.Group> read = groups.next(10);
        assertEquals(List.of("S1", "S2", "S1"), read.stream().map(RowGroups.Group::key).toList());
        assertEquals(2, read.get(0).rows().size());
        assertEquals(1, errors.count());
        assertEquals(5, errors.listed().get(0).line());
    }

    @Test
    void anExportReadsBackAsItWasWritten() throws IOException {
        StringWriter out = new StringWriter();
        CsvWriter writer = new CsvWriter(out, PEOPLE);
        writer.row("S1", "O'Brien, \"Pat\"", new BigDecimal("0.800000"), LocalDate.of(2024, 4, 1));
        writer.row("S2", " leading space", null, null);
        CsvFile file = new CsvFile(new StringReader(out.toString()), PEOPLE, new RowErrors());
        CsvRow first = file.next();
        assertEquals("O'Brien, \"Pat\"", first.text("name"));
        assertEquals(new BigDecimal("0.800000"), first.decimal("fte", true));
        assertEquals(LocalDate.of(2024, 4, 1), first.date("startDate", true));
        assertNull(file.next().text("fte"));
        assertNull(file.next());
    }

    @Test
    void errorsAreAllCountedAndTheFirstThousandListed() {
        RowErrors errors = new RowErrors();
        for (int i = 0; i < 1_500; i++) {
            errors.add(i + 2, "fte", "x", "must be a number");
        }
        assertEquals(1_500, errors.count());
        assertEquals(RowErrors.LISTED, errors.listed().size());
    }
}
