package uk.workforcewatch.gateway.census;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Writes a {@link CensusReturn} as the department's XML: its element names and order, FTE to six decimal places,
 * vacancies and days to two, yes and no as 1 and 0. Values not recorded are left out, never sent empty.
 */
public final class CensusXml {

    private static final String INDENT = "  ";

    private final XMLStreamWriter xml;
    private int depth;

    private CensusXml(XMLStreamWriter xml) {
        this.xml = xml;
    }

    public static String write(CensusReturn census) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter writer = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            new CensusXml(writer).message(census);
            writer.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("The census return could not be written", e);
        }
        return out.toString();
    }

    private void message(CensusReturn census) throws XMLStreamException {
        xml.writeStartDocument("UTF-8", "1.0");
        open("Message");
        header(census.header());
        open("LALevelVacancies");
        element("NumberOfVacancies", twoPlaces(census.vacancies().vacantFte()));
        element("NoAgencyFTE", twoPlaces(census.vacancies().agencyFte()));
        element("NoAgencyHeadcount", census.vacancies().agencyHeadcount());
        close();
        for (CensusReturn.WorkerRecord worker : census.workers()) {
            worker(worker);
        }
        close();
        xml.writeCharacters("\n");
        xml.writeEndDocument();
    }

    private void header(CensusReturn.Header header) throws XMLStreamException {
        open("Header");
        open("CollectionDetails");
        element("Collection", "CSWW");
        element("Year", header.year());
        element("ReferenceDate", header.referenceDate());
        close();
        open("Source");
        element("SourceLevel", "L");
        element("LEA", header.laCode());
        element("SoftwareCode", header.softwareCode());
        element("DateTime", DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
                header.producedAt().truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC).toLocalDateTime()));
        close();
        close();
    }

    private void worker(CensusReturn.WorkerRecord worker) throws XMLStreamException {
        open("CSWWWorker");
        element("AgencyWorker", yesNo(worker.agency()));
        element("SWENo", worker.registrationNumber() == null ? "" : worker.registrationNumber());
        element("FTE", sixPlaces(worker.fte()));
        element("QualInst", worker.qualificationInstitution() == null ? "" : worker.qualificationInstitution());
        element("QualLevel", worker.qualificationLevel());
        element("OrgRole", worker.organisationRole());
        element("RoleStartDate", worker.roleStartDate());
        element("StartOrigin", worker.startOrigin());
        element("RoleEndDate", worker.roleEndDate());
        element("LeaverDestination", worker.leaverDestination());
        element("ReasonLeave", worker.reasonForLeaving());
        element("FTE30", sixPlaces(worker.fteAtReferenceDate()));
        element("Cases30", worker.casesAtReferenceDate());
        element("WorkingDaysLost", twoPlaces(worker.workingDaysLost()));
        element("Absat30Sept", worker.absentAtReferenceDate() == null ? null : yesNo(worker.absentAtReferenceDate()));
        element("ReasonAbsence", worker.absenceReason());
        element("CFKSSstatus", worker.careerStage());
        close();
    }

    /** An element with its value, or nothing when there is no value. */
    private void element(String name, Object value) throws XMLStreamException {
        if (value == null) {
            return;
        }
        indent();
        xml.writeStartElement(name);
        xml.writeCharacters(value.toString());
        xml.writeEndElement();
    }

    private void open(String name) throws XMLStreamException {
        indent();
        xml.writeStartElement(name);
        depth++;
    }

    private void close() throws XMLStreamException {
        depth--;
        indent();
        xml.writeEndElement();
    }

    private void indent() throws XMLStreamException {
        xml.writeCharacters("\n" + INDENT.repeat(depth));
    }

    private static String yesNo(boolean yes) {
        return yes ? "1" : "0";
    }

    private static String sixPlaces(BigDecimal value) {
        return value == null ? null : value.setScale(6, RoundingMode.HALF_UP).toPlainString();
    }

    private static String twoPlaces(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
