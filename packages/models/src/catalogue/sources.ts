/** Citations shared by the catalogue files. */

/** The document the project was created from (/work/shared/seed/press-release-2016-01-18.zh.txt). */
export const PRESS_RELEASE_2016_SOURCE =
  'Joint press release of ITU, IEC and ISO, Geneva, 18 January 2016 ("促进可持续智慧城市发展的新全球平台")';
