// The light or dark theme, set by an inline script before the first paint rather than by a client
// library in every page's JavaScript: the stored choice ("light", "dark" or "system", under the key
// "theme", as next-themes kept it, so earlier choices carry over), else the system's. The script also
// follows the system's setting while "system" is chosen, and a choice made in another tab. While it
// switches, transitions are off for a moment, so nothing fades between the themes.
const SCRIPT = `(()=>{var k="theme",q=matchMedia("(prefers-color-scheme: dark)"),r=document.documentElement;function a(){var t=null;try{t=localStorage.getItem(k)}catch(e){}var d=t==="dark"||(t!=="light"&&q.matches);if(r.classList.contains("dark")===d&&r.style.colorScheme)return;var s=document.createElement("style");s.textContent="*,*::before,*::after{transition:none!important}";document.head.appendChild(s);r.classList.toggle("dark",d);r.style.colorScheme=d?"dark":"light";getComputedStyle(r).color;setTimeout(function(){s.remove()},1)}window.__daytwoApplyTheme=a;a();q.addEventListener("change",a);addEventListener("storage",function(e){e.key===k&&a()})})()`;

export const THEME_KEY = "theme";

export function ThemeScript({ nonce }: { nonce?: string }) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: a constant of ours, allowed by the page's nonce
  return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: SCRIPT }} />;
}
