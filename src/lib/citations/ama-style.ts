/**
 * An AMA Manual of Style (11th edition) reference style in CSL 1.0, written for BVN Atlas from the
 * manual's rules (citation-js ships no AMA style, and the project does not copy one):
 * - authors as "Family Initials" without periods, separated by commas; more than 6 authors: the
 *   first 3 and "et al";
 * - journal articles: title. Journal. Year;Volume(Issue):pages. doi:…, with no period after the
 *   DOI or URL;
 * - reports, policies, coverage determinations and other documents: title in italics, the kind of
 *   document and its number, version, then "Publisher; Year.";
 * - web pages: title, name of the website, "Published Month Day, Year.", then the URL;
 * - "Accessed" only when the record has an access date: BVN Atlas never invents one.
 * Bibliographies are numbered in order of first citation, as AMA requires.
 */
export const amaStyleName = 'ama-bvn-atlas';

export const amaStyle = `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" demote-non-dropping-particle="never" page-range-format="expanded" default-locale="en-US">
  <info>
    <title>AMA Manual of Style, 11th edition (BVN Atlas)</title>
    <id>bvn-atlas/ama-11</id>
    <author><name>BVN Atlas editors</name></author>
    <category citation-format="numeric"/>
    <category field="medicine"/>
    <summary>AMA 11th edition references, written for BVN Atlas.</summary>
    <updated>2026-11-25T00:00:00+00:00</updated>
  </info>
  <locale xml:lang="en">
    <terms>
      <term name="et-al">et al</term>
      <term name="page-range-delimiter">-</term>
    </terms>
  </locale>
  <macro name="authors">
    <names variable="author">
      <name name-as-sort-order="all" sort-separator=" " initialize-with="" delimiter=", " delimiter-precedes-last="always" et-al-min="7" et-al-use-first="3"/>
      <substitute>
        <names variable="editor"/>
      </substitute>
    </names>
  </macro>
  <macro name="access">
    <group delimiter=". ">
      <date variable="accessed" prefix="Accessed " form="text" date-parts="year-month-day"/>
      <choose>
        <if variable="DOI">
          <text variable="DOI" prefix="doi:"/>
        </if>
        <else>
          <text variable="URL"/>
        </else>
      </choose>
    </group>
  </macro>
  <macro name="document-kind">
    <group delimiter=". ">
      <group delimiter=" ">
        <text variable="genre"/>
        <text variable="number"/>
      </group>
      <text variable="version" prefix="Version "/>
    </group>
  </macro>
  <macro name="journal">
    <group delimiter=" ">
      <text variable="container-title" form="short" font-style="italic" suffix="."/>
      <group>
        <date variable="issued"><date-part name="year"/></date>
        <text variable="volume" prefix=";"/>
        <text variable="issue" prefix="(" suffix=")"/>
        <text variable="page" prefix=":"/>
        <text value="."/>
      </group>
    </group>
  </macro>
  <macro name="web">
    <group delimiter=". ">
      <text variable="container-title"/>
      <text macro="document-kind"/>
      <date variable="issued" prefix="Published " form="text" date-parts="year-month-day"/>
    </group>
  </macro>
  <macro name="document">
    <group delimiter=". ">
      <text macro="document-kind"/>
      <group delimiter="; ">
        <text variable="publisher"/>
        <date variable="issued"><date-part name="year"/></date>
      </group>
    </group>
  </macro>
  <citation>
    <layout vertical-align="sup" delimiter=",">
      <text variable="citation-number"/>
    </layout>
  </citation>
  <bibliography et-al-min="7" et-al-use-first="3">
    <layout>
      <group delimiter=". ">
        <text macro="authors"/>
        <choose>
          <if type="article-journal paper-conference webpage post-weblog" match="any">
            <text variable="title"/>
          </if>
          <else>
            <text variable="title" font-style="italic"/>
          </else>
        </choose>
      </group>
      <choose>
        <if type="article-journal paper-conference" match="any">
          <text macro="journal" prefix=". "/>
          <text macro="access" prefix=" "/>
        </if>
        <else-if type="webpage post-weblog" match="any">
          <text macro="web" prefix=". " suffix="."/>
          <text macro="access" prefix=" "/>
        </else-if>
        <else>
          <text macro="document" prefix=". " suffix="."/>
          <text macro="access" prefix=" "/>
        </else>
      </choose>
    </layout>
  </bibliography>
</style>
`;
