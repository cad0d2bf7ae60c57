package uk.workforcewatch.gateway.census;

import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;

/**
 * The collection's schema (census/csww.xsd, written from the department's specification): what it says of a
 * return, line by line, as the department's first check would. Thread-safe; a validator is made per check.
 */
public final class CensusSchema {

    private static final Schema SCHEMA = load();

    private CensusSchema() {
    }

    /** Every place where the return breaks the schema, with its line; empty when it keeps to it. */
    public static List<String> violations(String xml) {
        List<String> found = new ArrayList<>();
        Validator validator = SCHEMA.newValidator();
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (SAXException e) {
            throw new IllegalStateException("The census schema's validator refused a safe setting", e);
        }
        validator.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                found.add("line " + e.getLineNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                found.add("line " + e.getLineNumber() + ": " + e.getMessage());
            }
        });
        try {
            validator.validate(new StreamSource(new StringReader(xml)));
        } catch (SAXException | IOException e) {
            if (found.isEmpty()) {
                found.add(e.getMessage());
            }
        }
        return found;
    }

    private static Schema load() {
        URL xsd = CensusSchema.class.getClassLoader().getResource("census/csww.xsd");
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            // the schema is ours and complete: nothing outside it is ever fetched
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newSchema(xsd);
        } catch (SAXException e) {
            throw new IllegalStateException("The census schema census/csww.xsd could not be read", e);
        }
    }
}
