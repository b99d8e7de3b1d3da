/** Written into every manifest.json and generated HTML file, so a later write knows the tool made it. Pure, for pages too. */
export const WRITTEN_BY = 'india-parcel-sim';

/** The `<meta>` tag that marks HTML the tool wrote (report.html, compare pages). */
export const GENERATOR_META = `<meta name="generator" content="${WRITTEN_BY}">`;
