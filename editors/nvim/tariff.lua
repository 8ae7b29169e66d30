-- Neovim (0.8+): `tariff lsp` for .tariff files. Put editors/vim on 'runtimepath' for the filetype
-- and syntax, then :luafile editors/nvim/tariff.lua (or require it from init.lua).
vim.filetype.add({ extension = { tariff = "tariff" } })
vim.api.nvim_create_autocmd("FileType", {
  pattern = "tariff",
  callback = function(args)
    vim.lsp.start({
      name = "tariff",
      cmd = { "tariff", "lsp" },
      root_dir = vim.fs.dirname(vim.fs.find({ "rules", ".git" }, { upward = true, path = args.file })[1] or args.file),
    })
    vim.bo[args.buf].commentstring = "# %s"
  end,
})
