npx changeset            # pick the packages, the bump (patch/minor/major), write the changelog line
git add .changeset/*.md
