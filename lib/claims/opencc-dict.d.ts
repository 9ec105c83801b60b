// opencc-js ships its dictionaries as plain modules ("k v|k v|…") without types.
declare module 'opencc-js/dict/TSCharacters' {
  const dict: string;
  export default dict;
}
